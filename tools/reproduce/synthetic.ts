/**
 * The main job's synthetic part: Figure 1 (the stochastic panel over seeds,
 * with bands) and the demonstrations of Theorems 1–3, staged into results/.
 *
 * @module
 */
import {
  type Claim,
  figure1,
  figure1Claims,
  figure1Seeds,
  type SeedBandRow,
  theorem1Demo,
  theorem2Demo,
  theorem3Demo,
  theoremClaims,
} from "../../lib/experiments/mod.ts";
import { lineChart, theorem1Chart } from "../../lib/plot/mod.ts";
import type { Staged } from "./output.ts";
import { printClaim, progress } from "./report.ts";

const bandOf = (rows: SeedBandRow[], q: "x" | "avgRegret") => rows.filter((r) => r.quantity === q);
const band = { lo: "lo", hi: "hi" };

/** x_t over seeds on F = [−1, 1]: the mean with its 95% band, log t, a rule at x* = −1. */
const xBandChart = (rows: SeedBandRow[], title: string, subtitle: string) =>
  lineChart(bandOf(rows, "x"), {
    x: "t",
    y: "mean",
    series: "optimizer",
    band,
    yDomain: [-1, 1],
    yRules: [-1],
    title,
    subtitle,
    xLabel: "t",
    yLabel: "x_t",
    xType: "log",
  });

/** Runs Figure 1 and the theorems, stages results, prints claim lines; returns the claims. */
export function reproduceSynthetic(stage: Staged, quick: boolean): Claim[] {
  const steps = quick ? 100_000 : 10_000_000;
  const nSeeds = quick ? 5 : 20;
  const fig = figure1({ steps }, progress());
  const seeded = figure1Seeds({ steps: quick ? steps : 1_000_000 }, nSeeds, progress());
  stage.json("figure1.json", { ...fig, stochasticSeeds: seeded });
  const online = fig.rows.filter((r) => r.setting === "online");
  const s = fig.settings;
  const sub = `β1 = ${s.beta1}, β2 = ${s.beta2}, α_t = ${s.alpha}/√t, x₁ = ${s.x1}`;
  stage.chart(
    "figure1_regret",
    lineChart(online.filter((r) => r.t >= 100 && r.avgRegret > 0), {
      x: "t",
      y: "avgRegret",
      series: "optimizer",
      xType: "log",
      yType: "log",
      yRules: [20 / 101],
      title: "Figure 1 (left): R_t/t, online",
      subtitle: sub,
      caption: "From t = 100 (R_1/1 = 1010 dwarfs the rest); both axes logarithmic. Always " +
        "playing x = +1 costs 2·10/101 ≈ 0.198 per round.",
      yLabel: "R_t / t",
    }),
  );
  stage.chart(
    "figure1_online_x",
    lineChart(online, {
      x: "t",
      y: "x",
      series: "optimizer",
      xType: "log",
      title: "Figure 1 (centre): x_t, online",
      subtitle: sub,
      yLabel: "x_t",
    }),
  );
  stage.chart(
    "figure1_stochastic_x",
    xBandChart(
      seeded.bands,
      "Figure 1 (right): x_t, stochastic",
      `${sub}; T = ${seeded.settings.steps}, mean of ${nSeeds} seeds of the draws, 95% band`,
    ),
  );
  const t1 = theorem1Demo({ steps: quick ? 3000 : 30_000 });
  const t2 = theorem2Demo({ steps: quick ? 20_000 : 200_000 });
  const t3 = theorem3Demo({ steps: quick ? 20_000 : 100_000, seeds: quick ? 5 : 20 });
  stage.json("theorems.json", { theorem1: t1, theorem2: t2, theorem3: t3 });
  stage.chart(
    "theorem1_x",
    theorem1Chart(t1.rows.map((r) => ({ ...r, C: Number(/C=(\d+)/.exec(r.problem)![1]) })), {
      title: "Theorem 1: x_t",
      subtitle: "β1 = 0, β2 = 1/(1+C²), α_t = 0.5/√t, x₁ = 1",
    }),
  );
  stage.chart(
    "theorem3_x",
    xBandChart(
      t3.bands,
      `Theorem 3: x_t (C = ${t3.C}, δ = ${t3.delta})`,
      `β1 = ${t3.beta1}, β2 = ${t3.beta2}, α_t = 0.5/√t, x₁ = 0; mean of ${t3.seeds} ` +
        "seeds, 95% band",
    ),
  );
  const claims = [...figure1Claims(fig, seeded), ...theoremClaims(t1, t2, t3)];
  claims.forEach(printClaim);
  return claims;
}
