/**
 * The main job's CIFAR-10 part: Figure 2 (bottom row), CIFARNET's training and
 * test loss for Adam and AMSGrad. It runs only when CIFAR-10 is present (a
 * folder named by $CIFAR10_DATA_DIR, or the project's cache), or when `download`
 * is set (`deno task reproduce --cifar`: 162 MB from the canonical site, checked
 * against its MD5); otherwise it prints one line on how to get it and returns no
 * claims.
 *
 * The protocol is Figure 2's: a grid over β2 ∈ {0.99, 0.999} at constant
 * α = 1e-3 and β1 = 0.9 (the best α of fdlm/amsgrad_experiments' grid for both;
 * we do not run an α grid here, as a step costs about a second on one core),
 * seed 0, trained on the first 45 000 training images; each optimizer's cell
 * chosen by its loss on the last 5 000 (held out); the chosen cells rerun with
 * seeds 1–3 and reported on the test set.
 *
 * @module
 */
import { CIFAR10_HINT, DataUnavailableError, loadCifar10, sliceSplit } from "../../lib/data/mod.ts";
import { type Claim, fmt, fmtDifference, runLabel } from "../../lib/experiments/mod.ts";
import { lineChart } from "../../lib/plot/mod.ts";
import { meanBand, pairedDifference, verdictOf } from "../../lib/stats/mod.ts";
import { defaultSettings, type TrainResult, trainRun } from "../../lib/train/mod.ts";
import type { Staged } from "./output.ts";
import { printClaim } from "./report.ts";
import { CIFARNET_CLAIM } from "./summary.ts";

/** Options of {@link reproduceCifarnet}. */
export interface CifarnetPartOptions {
  /** Download CIFAR-10 when it is missing (`--cifar`). */
  download: boolean;
  /** Shrink every run (for tests). */
  quick: boolean;
  /** Where to look for the archive (default: the project's cache). */
  cacheDir?: string;
}

/**
 * Runs the CIFARNET part and stages figure2_cifarnet.json and its charts. Without
 * CIFAR-10 it prints one line on how to get it and returns no claims (the
 * caller then reports the paper's claim as not reproduced).
 */
export async function reproduceCifarnet(
  stage: Staged,
  options: CifarnetPartOptions,
): Promise<Claim[]> {
  let data;
  try {
    data = await loadCifar10({
      download: options.download,
      cacheDir: options.cacheDir,
      log: (l) => console.error(`  ${l}`),
    });
  } catch (e) {
    if (!(e instanceof DataUnavailableError)) throw e;
    console.log(`skipped CIFARNET: ${CIFAR10_HINT} (or run \`deno task reproduce --cifar\`)`);
    return [];
  }
  const { quick } = options;
  const train = sliceSplit(data.train, 0, quick ? 1024 : 45_000);
  const heldOut = sliceSplit(data.train, 45_000, quick ? 256 : 5_000);
  const test = quick ? sliceSplit(data.test, 0, 256) : data.test;
  const steps = quick ? 4 : 2_000;
  const evalEvery = quick ? 2 : 200;
  const settings = (optimizer: string, beta2: number, seed: number) => ({
    ...defaultSettings("cifarnet"),
    optimizer,
    beta2,
    seed,
    steps,
    evalEvery,
  });
  const t0 = performance.now();
  const log = (r: TrainResult) =>
    console.error(
      `  … cifarnet ${runLabel(r.settings)} β2=${r.settings.beta2} seed ${r.settings.seed}: ` +
        `train ${fmt(r.final.trainLoss)} (${r.seconds.toFixed(0)} s)`,
    );
  const cells: TrainResult[] = [];
  for (const optimizer of ["adam", "amsgrad"]) {
    for (const beta2 of quick ? [0.999] : [0.99, 0.999]) {
      cells.push(trainRun(settings(optimizer, beta2, 0), { train, test: heldOut }));
      log(cells.at(-1)!);
    }
  }
  const chosen = ["adam", "amsgrad"].map((o) =>
    cells.filter((r) => r.settings.optimizer === o)
      .reduce((a, b) => (b.final.testLoss < a.final.testLoss ? b : a))
  );
  const runs = chosen.flatMap((c) =>
    (quick ? [1, 2] : [1, 2, 3]).map((seed) => {
      const r = trainRun(settings(c.settings.optimizer, c.settings.beta2, seed), { train, test });
      log(r);
      return r;
    })
  );
  const seconds = (performance.now() - t0) / 1000;
  stage.json("figure2_cifarnet.json", {
    data: data.source,
    selection: "lowest final loss on the 5 000 held-out training images, seed 0",
    cells: cells.map((r) => ({ ...r.settings, final: r.final })),
    runs: runs.map((r) => ({ settings: r.settings, final: r.final, curve: r.curve })),
    seconds,
  });
  const sub = "CIFAR-10, CIFARNET, batch 128, β1 = 0.9, constant α = 1e-3; β2 chosen per " +
    `optimizer on held-out images; mean of ${runs.length / 2} seeds, 95% band`;
  const ofOptimizer = (o: string) => runs.filter((r) => r.settings.optimizer === o);
  for (const [y, name] of [["trainLossAvg", "training"], ["testLoss", "test"]] as const) {
    const rows = ["adam", "amsgrad"].flatMap((o) =>
      meanBand(ofOptimizer(o).map((r) => r.curve.map((p) => ({ x: p.step, y: p[y] }))))
        .map((b) => ({ optimizer: runLabel(ofOptimizer(o)[0]!.settings), step: b.x, ...b }))
    );
    stage.chart(
      `figure2_cifarnet_${y === "trainLossAvg" ? "train" : "test"}`,
      lineChart(rows, {
        x: "step",
        y: "mean",
        series: "optimizer",
        band: { lo: "lo", hi: "hi" },
        yType: "log",
        title: `Figure 2 (CIFARNET): ${name} loss`,
        subtitle: sub,
        yLabel: `${name} loss`,
      }),
    );
  }
  // Seed i runs both optimizers (same initialisation and batches): the differences are paired.
  const finals = (o: string, k: "trainLoss" | "testLoss") => ofOptimizer(o).map((r) => r.final[k]);
  const claims: Claim[] = (["trainLoss", "testLoss"] as const).map((k) => {
    const d = pairedDifference(finals("amsgrad", k), finals("adam", k));
    return {
      ...CIFARNET_CLAIM,
      judged: `final ${k === "trainLoss" ? "training" : "test"} loss after ${steps} iterations, ` +
        `${d.n} paired seeds at each optimizer's β2 chosen on held-out images; the paper's ` +
        "direction: AMSGrad lower",
      ours: `Adam ${fmt(finals("adam", k).reduce((a, b) => a + b, 0) / d.n)} ` +
        `(β2 = ${chosen[0]!.settings.beta2}), AMSGrad ` +
        `${fmt(finals("amsgrad", k).reduce((a, b) => a + b, 0) / d.n)} ` +
        `(β2 = ${chosen[1]!.settings.beta2}); ${fmtDifference(d, "AMSGrad − Adam")}`,
      verdict: verdictOf(d, "negative"),
      statistic: d,
    };
  });
  claims.forEach(printClaim);
  console.error(`  cifarnet: ${cells.length + runs.length} runs in ${seconds.toFixed(0)} s`);
  return claims;
}
