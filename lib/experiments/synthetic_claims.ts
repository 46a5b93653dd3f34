/**
 * The synthetic half's claims: Figure 1 and Theorems 1–3, each quoting the
 * paper, with the rule each verdict follows stated in `judged`. The online
 * problems are deterministic (one run decides); the stochastic ones are
 * judged on paired differences over seeds by the declared rule.
 *
 * @module
 */
import { figure1Online } from "../online/problems.ts";
import { meanInterval } from "../stats/interval.ts";
import { pairedDifference } from "../stats/paired.ts";
import { verdictOf } from "../stats/verdict.ts";
import { type Claim, fmt, fmtDifference } from "./claims.ts";
import { type Figure1Result, fixedPointRegret } from "./figure1.ts";
import type { Figure1SeedsResult, SeedEnd } from "./seeded.ts";
import type { Demo, Theorem3Demo } from "./theorems.ts";

/** The paper's sentences that the synthetic claims quote. */
export const SYNTHETIC_QUOTES = {
  figure1Online: "We first note that the average regret of ADAM does not converge to 0 with " +
    "increasing t. Furthermore, its iterates x_t converge to x = 1, which unfortunately has the " +
    "largest regret amongst all points in the domain. On the other hand, the average regret of " +
    "AMSGRAD converges to 0 and its iterate converges to the optimal solution.",
  figure1Stochastic:
    "Again, we see that the iterate x_t of ADAM converges to the highly suboptimal solution x = 1.",
  theorem1: "ADAM with parameter setting such that all the conditions in (Kingma & Ba, 2015) are " +
    "satisfied can have non-zero average regret i.e., R_T/T ↛ 0 as T → ∞ …",
  theorem2:
    "For any constant 0 ≤ β1, β2 ≤ 1 such that β1 < √β2, ADAM with parameter setting such " +
    "that all the conditions in (Kingma & Ba, 2015) are satisfied can have non-zero average " +
    "regret …",
  theorem3: "For any constant 0 ≤ β1, β2 ≤ 1 such that β1 < √β2, there is a stochastic convex " +
    "optimization problem for which ADAM, with parameter settings such that all the conditions " +
    "in (Kingma & Ba, 2015) are satisfied, does not converge to the optimal solution.",
} as const;

/** Paired over seeds: x_T of AMSGrad − x_T of Adam (same draws for both). */
function pairedEnds(ends: readonly Pick<SeedEnd, "optimizer" | "x">[]) {
  const xs = (name: string) => ends.filter((e) => e.optimizer === name).map((e) => e.x);
  return {
    adam: xs("Adam"),
    amsgrad: xs("AMSGrad"),
    d: pairedDifference(xs("AMSGrad"), xs("Adam")),
  };
}

const ci = (v: number[]) => {
  const m = meanInterval(v);
  return `${fmt(m.mean)} [${fmt(m.lo)}, ${fmt(m.hi)}]`;
};

/** Figure 1's claims: the online problem (one run) and the stochastic one (over seeds). */
export function figure1Claims(fig: Figure1Result, seeds: Figure1SeedsResult): Claim[] {
  const end = (name: string) =>
    fig.final.find((f) => f.setting === "online" && f.optimizer === name)!;
  const adam = end("Adam");
  const ams = end("AMSGrad");
  const plusOne = fixedPointRegret(figure1Online(), 1, 101 * 1000);
  const p = pairedEnds(seeds.ends);
  const above = p.adam.filter((x) => x > 0.9).length;
  return [
    {
      where: "§5 Synthetic Experiments; Figure 1 (left and centre), online",
      quote: SYNTHETIC_QUOTES.figure1Online,
      judged: `one run, T = ${fig.settings.steps} (the problem is deterministic); agrees when ` +
        "Adam ends above x = 0.9 with R_T/T at least 90% of the regret of always playing +1, " +
        "and AMSGrad ends below −0.9 with R_T/T under a tenth of Adam's",
      ours: `Adam x_T = ${fmt(adam.x)}, R_T/T = ${fmt(adam.avgRegret)} (always playing +1: ` +
        `2·10/101 = ${fmt(plusOne)}); AMSGrad x_T = ${fmt(ams.x)}, R_T/T = ${fmt(ams.avgRegret)}`,
      verdict: adam.x > 0.9 && adam.avgRegret >= 0.9 * plusOne && ams.x < -0.9 &&
          ams.avgRegret < 0.1 * adam.avgRegret
        ? "agrees"
        : "differs",
    },
    {
      where: "§5 Synthetic Experiments; Figure 1 (right), stochastic",
      quote: SYNTHETIC_QUOTES.figure1Stochastic,
      judged: `${seeds.seeds} seeds of the draws, T = ${seeds.settings.steps}; paired x_T of ` +
        "AMSGrad − x_T of Adam; the paper's direction: AMSGrad lower (Adam at +1, x* = −1)",
      ours: `mean x_T: Adam ${ci(p.adam)} (above 0.9 on ${above} of ${p.adam.length} seeds), ` +
        `AMSGrad ${ci(p.amsgrad)}; ` + fmtDifference(p.d, "AMSGrad − Adam"),
      verdict: verdictOf(p.d, "negative"),
      statistic: p.d,
    },
  ];
}

/** Theorems 1–3's claims. */
export function theoremClaims(
  t1: Demo,
  t2: Demo & { beta1: number; beta2: number },
  t3: Theorem3Demo,
): Claim[] {
  const claims: Claim[] = [];
  for (const C of new Set(t1.outcomes.map((o) => o.problem))) {
    const a = t1.outcomes.find((o) => o.problem === C && o.optimizer === "Adam")!;
    const m = t1.outcomes.find((o) => o.problem === C && o.optimizer === "AMSGrad")!;
    claims.push({
      where: `§3 Theorem 1, ${C}`,
      quote: SYNTHETIC_QUOTES.theorem1,
      judged: "the paper's construction (β1 = 0, β2 = 1/(1+C²), x_1 = 1), one run; agrees when " +
        "Adam ends at +1 with R_T/T > 0.1 and Γ_t < 0 somewhere, and AMSGrad ends below −0.9 " +
        "with Γ_t ⪰ 0",
      ours:
        `Adam x_T = ${fmt(a.x)}, R_T/T = ${fmt(a.avgRegret)}, min Γ_t = ${fmt(a.gammaMin, 3)}; ` +
        `AMSGrad x_T = ${fmt(m.x)}, min Γ_t = ${fmt(m.gammaMin, 3)}`,
      verdict: a.x === 1 && a.avgRegret > 0.1 && a.gammaMin < 0 && m.x < -0.9 && m.gammaMin >= 0
        ? "agrees"
        : "differs",
    });
  }
  const flips = t2.outcomes.filter((o) => o.optimizer === "Adam" && o.x > 0.9).map((o) =>
    o.problem
  );
  const amsAll = t2.outcomes.filter((o) => o.optimizer === "AMSGrad").every((o) => o.x < -0.9);
  claims.push({
    where: `§3 Theorem 2, β1 = ${t2.beta1}, β2 = ${t2.beta2}`,
    quote: SYNTHETIC_QUOTES.theorem2,
    judged:
      `one pair (β1, β2) = (${t2.beta1}, ${t2.beta2}) only, not every pair; even C scanned; ` +
      "agrees when Adam ends above 0.9 for some C",
    ours: `Adam ends at x > 0.9 for ${flips.length ? flips.join(", ") : "no C tried"}; AMSGrad ${
      amsAll ? "ends below −0.9 for every C" : "does not reach −0.9 for every C"
    }`,
    verdict: flips.length > 0 ? "agrees" : "differs",
  });
  const p = pairedEnds(t3.perSeed);
  const [ad] = t3.summary;
  claims.push({
    where: `§3 Theorem 3, C = ${t3.C}, δ = ${t3.delta}`,
    quote: SYNTHETIC_QUOTES.theorem3,
    judged: `${t3.seeds} seeds, T = ${t3.steps}, x_1 = 0, one pair (β1, β2) = (${t3.beta1}, ` +
      `${t3.beta2}); paired x_T of AMSGrad − x_T of Adam; the paper's direction: AMSGrad lower`,
    ours: `mean x_T: Adam ${ci(p.adam)}, AMSGrad ${ci(p.amsgrad)}; ` +
      fmtDifference(p.d, "AMSGrad − Adam") +
      `; Adam's mean net displacement per step (x_T − x_1)/T = ${
        ad!.meanDisplacementPerStep.toExponential(2)
      }`,
    verdict: verdictOf(p.d, "negative"),
    statistic: p.d,
  });
  return claims;
}
