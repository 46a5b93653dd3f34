/**
 * The main job's MNIST part: Figure 2 (top row) for logistic regression and
 * the one-hidden-layer network, each a grid on parallel workers.
 *
 * @module
 */
import {
  bestOf,
  extraRuns,
  type Figure2Grid,
  figure2Grid,
  gridRuns,
  runLabel,
} from "../../lib/experiments/mod.ts";
import { lineChart, writeSvg } from "../../lib/plot/mod.ts";
import { trainGrid, type TrainResult } from "../../lib/train/mod.ts";
import { type Claim, compareLosses, fmt, printClaim, writeJson } from "./report.ts";

function curveRows(r: TrainResult) {
  const label = runLabel(r.settings);
  return r.curve.map((p) => ({
    run: label,
    step: p.step,
    trainLoss: p.trainLossAvg,
    testLoss: p.testLoss,
  }));
}

/** Runs one model's grid and extras; writes results/figure2_<model>.json and SVGs. */
export async function reproduceFigure2(
  out: string,
  model: "logreg" | "mlp",
  quick: boolean,
): Promise<Claim[]> {
  const grid: Figure2Grid = figure2Grid(model, quick);
  const runs = gridRuns(grid);
  const t0 = performance.now();
  const log = (done: number, total: number, r: TrainResult) =>
    console.error(
      `  … ${model} ${done}/${total}: ${
        runLabel(r.settings)
      } α=${r.settings.alpha} β2=${r.settings.beta2} ` +
        `train ${fmt(r.final.trainLoss)} (${r.seconds.toFixed(1)} s)`,
    );
  const results = await trainGrid(runs, { onDone: log });
  const adam = bestOf(results, "adam");
  const ams = bestOf(results, "amsgrad");
  const extras = await trainGrid(extraRuns(grid, ams.settings), { onDone: log });
  const seconds = (performance.now() - t0) / 1000;
  const best = [adam, ams, ...extras];
  await writeJson(`${out}/figure2_${model}.json`, {
    grid,
    selection: "lowest final training loss per optimizer",
    best: best.map((r) => ({
      label: runLabel(r.settings),
      settings: r.settings,
      final: r.final,
      curve: r.curve,
    })),
    cells: results.map((r) => ({ ...r.settings, final: r.final })),
    seconds,
  });
  const rows = best.flatMap(curveRows);
  const name = model === "logreg" ? "logistic regression" : "1-hidden-layer network";
  const sched = model === "logreg" ? "α/√t" : "constant α";
  const arithmetic = [...new Set(results.map((r) => r.settings.arithmetic))].join("/");
  const sub = `MNIST, ${name}, batch 128, β1 = 0.9, ${sched}, ${arithmetic} arithmetic; ` +
    "best of the grid per optimizer";
  await writeSvg(
    lineChart(rows, {
      x: "step",
      y: "trainLoss",
      series: "run",
      title: `Figure 2: training loss (${name})`,
      subtitle: sub,
    }),
    `${out}/figure2_${model}_train.svg`,
  );
  await writeSvg(
    lineChart(rows, {
      x: "step",
      y: "testLoss",
      series: "run",
      title: `Figure 2: test loss (${name})`,
      subtitle: sub,
    }),
    `${out}/figure2_${model}_test.svg`,
  );
  const cells = results.map((r) => ({
    cell: `${runLabel(r.settings)}, β2 = ${r.settings.beta2}`,
    alpha: r.settings.alpha,
    trainLoss: r.final.diverged ? NaN : r.final.trainLoss,
  }));
  await writeSvg(
    lineChart(cells, {
      x: "alpha",
      y: "trainLoss",
      series: "cell",
      xType: "log",
      title: `Robustness: final training loss per grid cell (${name})`,
    }),
    `${out}/figure2_${model}_grid.svg`,
  );
  // The paper: AMSGrad is "more robust to parameter changes"; we compare the spread of the grid.
  const spread = (opt: string) => {
    const v = results.filter((r) => r.settings.optimizer === opt && !r.final.diverged).map((r) =>
      r.final.trainLoss
    );
    return Math.max(...v) - Math.min(...v);
  };
  const claims: Claim[] = [
    {
      where: `Figure 2 (${name}), ${grid.steps} iterations`,
      paper: "AMSGrad reaches a lower training loss than Adam",
      ours: `best Adam (α=${adam.settings.alpha}, β2=${adam.settings.beta2}) train ${
        fmt(adam.final.trainLoss)
      }, test ${fmt(adam.final.testLoss)}, acc ${
        fmt(100 * adam.final.testAccuracy, 2)
      }%; best AMSGrad (α=${ams.settings.alpha}, β2=${ams.settings.beta2}) train ${
        fmt(ams.final.trainLoss)
      }, test ${fmt(ams.final.testLoss)}, acc ${fmt(100 * ams.final.testAccuracy, 2)}%`,
      verdict: compareLosses(ams.final.trainLoss, adam.final.trainLoss),
    },
    {
      where: `Figure 2 (${name}), grid of ${grid.alphas.length} α × ${grid.beta2s.length} β2`,
      paper: "AMSGrad is more robust to parameter changes",
      ours: `spread (max − min) of the final training loss over the grid: Adam ${
        fmt(spread("adam"))
      }, AMSGrad ${fmt(spread("amsgrad"))}`,
      verdict: compareLosses(spread("amsgrad"), spread("adam")),
    },
  ];
  for (const e of extras) {
    claims.push({
      where: `Beyond the paper (${name})`,
      paper: `${runLabel(e.settings)} at AMSGrad's best setting${
        e.final.diverged ? " (diverged)" : ""
      }`,
      ours: `train ${fmt(e.final.trainLoss)}, test ${fmt(e.final.testLoss)}, acc ${
        fmt(100 * e.final.testAccuracy, 2)
      }%`,
      verdict: "info",
    });
  }
  claims.forEach(printClaim);
  console.error(`  ${model}: ${results.length + extras.length} runs in ${seconds.toFixed(0)} s`);
  return claims;
}
