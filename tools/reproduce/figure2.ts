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
  figure2,
  figure2Bands,
  figure2Claims,
  fmt,
  runLabel,
} from "../../lib/experiments/mod.ts";
import { gridHeatmap, lineChart } from "../../lib/plot/mod.ts";
import type { TrainResult } from "../../lib/train/mod.ts";
import type { Staged } from "./output.ts";
import { printClaim } from "./report.ts";

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
  const band = { lo: "lo", hi: "hi" };
  stage.chart(
    `figure2_${model}_train`,
    lineChart(figure2Bands(r.runs, both(r.selected.train), "trainLossAvg"), {
      x: "step",
      y: "mean",
      series: "series",
      band,
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
    stage.chart(
      `figure2_${model}_${what}`,
      lineChart(figure2Bands(r.runs, both(r.selected.validation), q, r.extras), {
        x: "step",
        y: "mean",
        series: "series",
        band,
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
    optimizer: runLabel(c),
    alpha: c.alpha,
    beta2: c.beta2,
    trainLoss: Number.isFinite(c.trainLoss) ? c.trainLoss : null,
    validationLoss: Number.isFinite(c.validationLoss) ? c.validationLoss : null,
  }));
  for (const q of ["trainLoss", "validationLoss"] as const) {
    const what = q === "trainLoss" ? "training" : "validation";
    stage.chart(
      `figure2_${model}_grid_${q === "trainLoss" ? "train" : "validation"}`,
      gridHeatmap(cells, {
        value: q,
        valueLabel: `final ${what} loss`,
        title: `Robustness: final ${what} loss of every grid cell (${name})`,
        subtitle: `mean of ${n} seeds`,
      }),
    );
  }
  claims.forEach(printClaim);
  console.error(`  ${model}: ${r.runs.length + r.extras.length} runs in ${r.seconds.toFixed(0)} s`);
  return claims;
}
