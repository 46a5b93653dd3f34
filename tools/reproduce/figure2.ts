/**
 * The main job's MNIST part: Figure 2 (top row) for logistic regression and
 * the one-hidden-layer network through `figure2()`, staged into one JSON file
 * with every run and the claims, and SVG charts of mean curves with 95% bands.
 *
 * @module
 */
import {
  type CellStats,
  type Claim,
  curveBand,
  type CurveQuantity,
  figure2,
  figure2Claims,
  type Figure2Result,
  fmt,
  runLabel,
} from "../../lib/experiments/mod.ts";
import { lineChart } from "../../lib/plot/mod.ts";
import type { TrainResult } from "../../lib/train/mod.ts";
import { bandChart, type BandRow } from "./band_chart.ts";
import type { Staged } from "./output.ts";
import { printClaim } from "./report.ts";

/** Banded rows of `q` for the given cells (and the extras, when asked). */
export function bandRows(
  r: Figure2Result,
  cells: CellStats[],
  q: CurveQuantity,
  withExtras = false,
): BandRow[] {
  const rows: BandRow[] = [];
  const add = (runs: readonly TrainResult[], c: CellStats | TrainResult["settings"]) => {
    for (const p of curveBand(runs, c, q)) {
      rows.push({ series: runLabel(c), x: p.x, mean: p.mean, lo: p.lo, hi: p.hi });
    }
  };
  for (const c of cells) add(r.runs, c);
  if (withExtras) {
    const seen = new Set<string>();
    for (const e of r.extras) {
      const key = runLabel(e.settings);
      if (!seen.has(key)) add(r.extras, e.settings);
      seen.add(key);
    }
  }
  return rows;
}

/** Runs one model's grid; stages figure2_<model>.json and its SVGs; returns the claims. */
export async function reproduceFigure2(
  stage: Staged,
  model: "logreg" | "mlp",
  quick: boolean,
): Promise<Claim[]> {
  const log = (done: number, total: number, r: TrainResult) => {
    if (done % 10 === 0 || done === total) {
      console.error(
        `  … ${model} ${done}/${total}: ${runLabel(r.settings)} α=${r.settings.alpha} ` +
          `β2=${r.settings.beta2} seed ${r.settings.seed} train ${fmt(r.final.trainLoss)}`,
      );
    }
  };
  const r = await figure2(model, { quick, onDone: log });
  const claims = figure2Claims(r);
  stage.json(`figure2_${model}.json`, {
    grid: r.grid,
    selection: {
      validation: "per optimizer, the cell with the lowest mean final validation loss",
      train: "per optimizer, the cell with the lowest mean final training loss",
    },
    selected: r.selected,
    cells: r.cells,
    claims,
    runs: r.runs.map(({ settings, final, curve, seconds }) => ({
      settings,
      final,
      curve,
      seconds,
    })),
    extras: r.extras.map(({ settings, final, curve }) => ({ settings, final, curve })),
    seconds: r.seconds,
  });
  const name = model === "logreg" ? "logistic regression" : "1-hidden-layer network";
  const sched = model === "logreg" ? "α/√t" : "constant α";
  const n = r.grid.seeds.length;
  const sub = `MNIST (50,000 train / 10,000 validation), ${name}, batch 128, β1 = 0.9, ` +
    `${sched}; mean of ${n} seeds, 95% band`;
  const both = (sel: Record<"adam" | "amsgrad", CellStats>) => [sel.adam, sel.amsgrad];
  const yType = "log" as const;
  stage.svg(
    `figure2_${model}_train.svg`,
    bandChart(bandRows(r, both(r.selected.train), "trainLossAvg"), {
      title: `Figure 2: training loss (${name})`,
      subtitle: sub,
      caption: "Each optimizer at its cell with the lowest mean final training loss. The curve " +
        "is the running mean of the minibatch losses between evaluations; the tables use the " +
        "loss over all 50,000 training images at the end.",
      xLabel: "iteration",
      yLabel: "training loss (minibatch running mean)",
      yType,
    }),
  );
  for (const q of ["validationLoss", "testLoss"] as const) {
    const what = q === "testLoss" ? "test" : "validation";
    stage.svg(
      `figure2_${model}_${what}.svg`,
      bandChart(bandRows(r, both(r.selected.validation), q, true), {
        title: `Figure 2: ${what} loss (${name})`,
        subtitle: sub,
        caption: "Each optimizer at its cell selected on mean final validation loss" +
          (r.extras.length ? "; the extra lines, untuned, at AMSGrad's cell." : "."),
        xLabel: "iteration",
        yLabel: `${what} loss (all 10,000 images)`,
        yType,
      }),
    );
  }
  const cells = r.cells.filter((c) => c.variant === "paper").map((c) => ({
    cell: `${runLabel(c)}, β2 = ${c.beta2}`,
    alpha: c.alpha,
    trainLoss: Number.isFinite(c.trainLoss) ? c.trainLoss : NaN,
    validationLoss: Number.isFinite(c.validationLoss) ? c.validationLoss : NaN,
  }));
  for (const q of ["trainLoss", "validationLoss"] as const) {
    stage.svg(
      `figure2_${model}_grid_${q === "trainLoss" ? "train" : "validation"}.svg`,
      lineChart(cells, {
        x: "alpha",
        y: q,
        series: "cell",
        xType: "log",
        yType: "log",
        title: `Robustness: final ${
          q === "trainLoss" ? "training" : "validation"
        } loss of every grid cell (${name})`,
        subtitle: `mean of ${n} seeds; a diverged cell is left out`,
        xLabel: "α",
      }),
    );
  }
  claims.forEach(printClaim);
  console.error(`  ${model}: ${r.runs.length + r.extras.length} runs in ${r.seconds.toFixed(0)} s`);
  return claims;
}
