/**
 * Figure 2's runs summarised over seeds: each cell's means, the selected cells,
 * paired comparisons between optimizers at their selected cells, robustness
 * over the grid, and mean curves with 95% bands.
 *
 * @module
 */
import { type BandPoint, meanBand } from "../stats/band.ts";
import { type PairedDifference, pairedDifference } from "../stats/paired.ts";
import { type Robustness, robustness } from "../stats/robustness.ts";
import type { TrainResult } from "../train/run.ts";

/** A final quantity of a run; `minValidationLoss` is the lowest validation loss of its curve. */
export type RunQuantity =
  | "trainLoss"
  | "validationLoss"
  | "testLoss"
  | "testAccuracy"
  | "minValidationLoss";

/** Names a grid cell: an optimizer (and its variant) at one α and β2. */
export interface CellRef {
  /** Optimizer name from the registry. */
  optimizer: string;
  /** Its variant (`"paper"` for the grid). */
  variant: string;
  /** The base step size α. */
  alpha: number;
  /** β2. */
  beta2: number;
}

/** One cell summarised over its seeds (means; ∞ when any seed diverged). */
export interface CellStats extends CellRef {
  /** Seeds run. */
  seeds: number;
  /** Seeds whose run diverged. */
  diverged: number;
  /** Mean final loss over the training examples (50,000 when 10,000 are held out). */
  trainLoss: number;
  /** Mean final validation loss. */
  validationLoss: number;
  /** Mean final test loss. */
  testLoss: number;
  /** Mean final test accuracy. */
  testAccuracy: number;
}

/** The value of `q` for one run: ∞ for a loss of a diverged run, NaN for its accuracy. */
export function runValue(r: TrainResult, q: RunQuantity): number {
  if (r.final.diverged) return q === "testAccuracy" ? NaN : Infinity;
  if (q === "minValidationLoss") {
    return Math.min(...r.curve.map((p) => p.validationLoss ?? Infinity));
  }
  return r.final[q] ?? NaN;
}

const same = (r: TrainResult, c: CellRef) =>
  r.settings.optimizer === c.optimizer && r.settings.variant === c.variant &&
  r.settings.alpha === c.alpha && r.settings.beta2 === c.beta2;

/** The runs of one cell, ordered by seed. */
export function cellRuns(runs: readonly TrainResult[], c: CellRef): TrainResult[] {
  return runs.filter((r) => same(r, c)).sort((a, b) => a.settings.seed - b.settings.seed);
}

/** Every (optimizer, variant, α, β2) cell of `runs`, with means over its seeds. */
export function cellStats(runs: readonly TrainResult[]): CellStats[] {
  const keys = new Map<string, CellRef>();
  for (const { settings: s } of runs) {
    const c = { optimizer: s.optimizer, variant: s.variant, alpha: s.alpha, beta2: s.beta2 };
    keys.set(JSON.stringify(c), c);
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  return [...keys.values()].map((c) => {
    const rs = cellRuns(runs, c);
    const of = (q: RunQuantity) => mean(rs.map((r) => runValue(r, q)));
    return {
      ...c,
      seeds: rs.length,
      diverged: rs.filter((r) => r.final.diverged).length,
      trainLoss: of("trainLoss"),
      validationLoss: of("validationLoss"),
      testLoss: of("testLoss"),
      testAccuracy: of("testAccuracy"),
    };
  });
}

/** The cell of `optimizer` with the lowest mean `by` (a cell with a diverged seed never wins). */
export function selectCell(
  cells: readonly CellStats[],
  optimizer: string,
  by: "validationLoss" | "trainLoss",
  variant = "paper",
): CellStats {
  const ok = cells.filter((c) =>
    c.optimizer === optimizer && c.variant === variant && Number.isFinite(c[by])
  );
  if (ok.length === 0) throw new Error(`no converging cell of ${optimizer} (${variant})`);
  return ok.reduce((a, b) => (b[by] < a[by] ? b : a));
}

/**
 * The paired difference a − b of `q` over seeds, cell `a` against cell `b`
 * (run i of each has the same seed); null when a run diverged.
 */
export function compareCells(
  runs: readonly TrainResult[],
  a: CellRef,
  b: CellRef,
  q: RunQuantity,
): PairedDifference | null {
  const ra = cellRuns(runs, a);
  const rb = cellRuns(runs, b);
  const seeds = (rs: TrainResult[]) => rs.map((r) => r.settings.seed).join(",");
  if (seeds(ra) !== seeds(rb)) {
    throw new Error(`cells ran on different seeds: ${seeds(ra)} vs ${seeds(rb)}`);
  }
  const va = ra.map((r) => runValue(r, q));
  const vb = rb.map((r) => runValue(r, q));
  if (![...va, ...vb].every(Number.isFinite)) return null;
  return pairedDifference(va, vb);
}

/** Robustness of AMSGrad against Adam over the grid, on one quantity. */
export interface GridRobustness {
  /** The metrics on the grid of means over seeds. */
  grid: Robustness;
  /** Per seed, each optimizer's median L / L_best over the grid (that seed's runs only). */
  medianBySeed: { amsgrad: number[]; adam: number[] };
  /** Paired over seeds: AMSGrad's median ratio − Adam's; null when a median is infinite. */
  difference: PairedDifference | null;
}

/** Robustness metrics over the grid (see `robustness`), and paired over seeds. */
export function gridRobustness(
  runs: readonly TrainResult[],
  q: "trainLoss" | "validationLoss",
): GridRobustness {
  const grid = runs.filter((r) => r.settings.variant === "paper");
  const cells = (rs: readonly TrainResult[]) =>
    cellStats(rs).map((c) => ({
      optimizer: c.optimizer,
      alpha: c.alpha,
      beta2: c.beta2,
      loss: c[q],
    }));
  const seeds = [...new Set(grid.map((r) => r.settings.seed))].sort((a, b) => a - b);
  const perSeed = seeds.map((s) =>
    robustness(cells(grid.filter((r) => r.settings.seed === s)), "amsgrad", "adam")
  );
  const medianBySeed = {
    amsgrad: perSeed.map((r) => r.a.medianRatio),
    adam: perSeed.map((r) => r.b.medianRatio),
  };
  const finite = [...medianBySeed.amsgrad, ...medianBySeed.adam].every(Number.isFinite);
  return {
    grid: robustness(cells(grid), "amsgrad", "adam"),
    medianBySeed,
    difference: finite ? pairedDifference(medianBySeed.amsgrad, medianBySeed.adam) : null,
  };
}

/** A curve's quantity: the running minibatch mean, or the validation or test loss. */
export type CurveQuantity = "trainLossAvg" | "validationLoss" | "testLoss";

/** Mean over a cell's seeds of one curve, with the 95% band (see `meanBand`). */
export function curveBand(
  runs: readonly TrainResult[],
  c: CellRef,
  q: CurveQuantity,
): BandPoint[] {
  return meanBand(
    cellRuns(runs, c).map((r) => r.curve.map((p) => ({ x: p.step, y: p[q] ?? NaN }))),
  );
}

/** A row of a banded Figure 2 chart. */
export interface Figure2BandRow {
  /** The run's label, e.g. "AMSGrad". */
  series: string;
  /** The iteration. */
  step: number;
  /** Mean over seeds. */
  mean: number;
  /** Lower end of the 95% band. */
  lo: number;
  /** Upper end. */
  hi: number;
}

/**
 * Mean curves with 95% bands of `q` for the given cells of `runs` (and of the
 * extra lines in `extras`, one per label), ready for a line chart with a band.
 */
export function figure2Bands(
  runs: readonly TrainResult[],
  cells: readonly CellRef[],
  q: CurveQuantity,
  extras: readonly TrainResult[] = [],
): Figure2BandRow[] {
  const label = runLabel;
  const rows: Figure2BandRow[] = [];
  const add = (rs: readonly TrainResult[], c: CellRef) => {
    for (const p of curveBand(rs, c, q)) {
      rows.push({ series: label(c), step: p.x, mean: p.mean, lo: p.lo, hi: p.hi });
    }
  };
  for (const c of cells) add(runs, c);
  const seen = new Set<string>();
  for (const e of extras) {
    const c = e.settings;
    if (!seen.has(label(c))) add(extras, c);
    seen.add(label(c));
  }
  return rows;
}

/** A label for a run in charts: "AMSGrad" or "AMSGrad (pytorch)". */
export function runLabel(s: { optimizer: string; variant: string }): string {
  const names: Record<string, string> = { adam: "Adam", amsgrad: "AMSGrad", adamnc: "AdamNC" };
  const base = names[s.optimizer] ?? s.optimizer;
  return s.variant === "paper" ? base : `${base} (${s.variant})`;
}
