/**
 * Robustness to the hyperparameters, over a grid, by declared metrics rather
 * than a spread: every cell's loss L against L_best, the best cell of all the
 * methods compared (so a method is not rewarded for a worse best cell):
 * the median and the worst ratio L / L_best, the fraction of cells within 10%
 * of L_best, and paired cell wins (the same α and β2, the lower loss wins).
 *
 * @module
 */

/** One grid cell: a method, its hyperparameters and its loss (∞ when it diverged). */
export interface GridCell {
  /** The method's name. */
  optimizer: string;
  /** The base step size α. */
  alpha: number;
  /** β2. */
  beta2: number;
  /** The cell's loss (a mean over seeds, say); `Infinity` or NaN for a diverged cell. */
  loss: number;
}

/** One method's robustness metrics. */
export interface RobustnessOf {
  /** Cells of this method. */
  cells: number;
  /** Median over its cells of L / L_best. */
  medianRatio: number;
  /** Largest L / L_best (∞ when a cell diverged). */
  worstRatio: number;
  /** Fraction of its cells with L ≤ 1.1 · L_best. */
  withinTenPercent: number;
  /** Cells where it has the lower loss of the pair at the same (α, β2). */
  wins: number;
}

/** The robustness of two methods over the same grid. */
export interface Robustness {
  /** L_best: the lowest finite loss of any cell of either method. */
  best: number;
  /** Metrics per method. */
  a: RobustnessOf;
  /** Metrics per method. */
  b: RobustnessOf;
  /** Pairs of cells with equal losses. */
  ties: number;
}

function median(v: number[]): number {
  const s = [...v].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Robustness metrics of methods `a` and `b` over their grid cells. Both must
 * have the same (α, β2) cells; a non-finite loss counts as ∞.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { robustness } from "./robustness.ts";
 * const r = robustness([
 *   { optimizer: "amsgrad", alpha: 0.1, beta2: 0.99, loss: 1 },
 *   { optimizer: "amsgrad", alpha: 1, beta2: 0.99, loss: 1.05 },
 *   { optimizer: "adam", alpha: 0.1, beta2: 0.99, loss: 2 },
 *   { optimizer: "adam", alpha: 1, beta2: 0.99, loss: Infinity },
 * ], "amsgrad", "adam");
 * assert.equal(r.a.withinTenPercent, 1);
 * assert.equal(r.b.worstRatio, Infinity);
 * assert.equal(r.a.wins, 2);
 * ```
 */
export function robustness(cells: readonly GridCell[], a: string, b: string): Robustness {
  const key = (c: GridCell) => `${c.alpha}|${c.beta2}`;
  const loss = (c: GridCell) => (Number.isFinite(c.loss) ? c.loss : Infinity);
  const of = (name: string) =>
    new Map(cells.filter((c) => c.optimizer === name).map((c) => [key(c), c]));
  const A = of(a);
  const B = of(b);
  if (A.size === 0 || B.size === 0) throw new RangeError(`no cells of ${A.size ? b : a}`);
  if (A.size !== B.size || [...A.keys()].some((k) => !B.has(k))) {
    throw new RangeError(`${a} and ${b} must have the same (α, β2) cells`);
  }
  const best = Math.min(...cells.filter((c) => c.optimizer === a || c.optimizer === b).map(loss));
  if (!Number.isFinite(best) || best <= 0) {
    throw new RangeError(`the best cell's loss must be finite and > 0, got ${best}`);
  }
  let winsA = 0;
  let winsB = 0;
  let ties = 0;
  for (const [k, ca] of A) {
    const la = loss(ca);
    const lb = loss(B.get(k)!);
    if (la < lb) winsA++;
    else if (lb < la) winsB++;
    else ties++;
  }
  const metrics = (m: Map<string, GridCell>, wins: number): RobustnessOf => {
    const ratios = [...m.values()].map((c) => loss(c) / best);
    return {
      cells: ratios.length,
      medianRatio: median(ratios),
      worstRatio: Math.max(...ratios),
      withinTenPercent: ratios.filter((r) => r <= 1.1).length / ratios.length,
      wins,
    };
  };
  return { best, a: metrics(A, winsA), b: metrics(B, winsB), ties };
}
