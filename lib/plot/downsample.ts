/**
 * Downsampling for long runs: keep log-spaced points so that a chart of a
 * 10^7-step run has a few hundred points per line and its SVG stays small,
 * while the early steps (where the methods differ most) keep full detail.
 *
 * @module
 */

/** Options of {@link downsampleLog}. */
export interface DownsampleOptions {
  /** The x field, e.g. `"t"`; it must hold numbers. */
  x: string;
  /** Fields that name a series (e.g. `"optimizer"`); each series is thinned on its own. */
  by?: string | readonly string[];
  /** Log-spaced bins per series (default 400). */
  points?: number;
  /** A y field: also keep each bin's lowest and highest y, so oscillations stay visible. */
  y?: string;
}

/**
 * `points` log-spaced indices into an array of `length` items (x ∝ index + 1),
 * sorted, distinct, always including the first and the last.
 *
 * @param length number of items (≥ 0)
 * @param points how many indices to aim for (≥ 2)
 * @returns indices in [0, length)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logSpacedIndices } from "./downsample.ts";
 * assert.ok(logSpacedIndices(10_000_000, 300).length <= 300);
 * ```
 */
export function logSpacedIndices(length: number, points: number): number[] {
  if (!Number.isInteger(length) || length < 0) {
    throw new RangeError(`length must be an integer ≥ 0, got ${length}`);
  }
  if (!Number.isInteger(points) || points < 2) {
    throw new RangeError(`points must be an integer ≥ 2, got ${points}`);
  }
  if (length <= points) return Array.from({ length }, (_, i) => i);
  const out = [0];
  for (let k = 1; k < points; k++) {
    const i = Math.round(length ** (k / (points - 1))) - 1;
    if (i > out[out.length - 1]!) out.push(i);
  }
  return out;
}

function numberAt(row: Record<string, unknown>, key: string, index: number): number {
  const v = row[key];
  if (typeof v !== "number" || Number.isNaN(v)) {
    throw new TypeError(`row ${index}: field "${key}" must be a number, got ${String(v)}`);
  }
  return v;
}

/** One series sorted by x → the first row of every log-spaced bin (and its y extremes). */
function thin<R>(series: [R, number, number][], points: number, withY: boolean): R[] {
  const positive = series.filter(([, x]) => x > 0);
  if (positive.length <= points) return series.map(([r]) => r);
  const lo = Math.log(positive[0]![1]);
  const span = Math.log(positive[positive.length - 1]![1]) - lo;
  const keep = new Set<number>([series.length - 1]);
  let bin = NaN, min = 0, max = 0;
  const flush = () => withY && !Number.isNaN(bin) && keep.add(min).add(max);
  series.forEach(([, x, y], i) => {
    if (x <= 0) {
      keep.add(i);
      return;
    }
    const b = span > 0 ? Math.floor(((Math.log(x) - lo) / span) * (points - 1)) : 0;
    if (b !== bin) {
      flush();
      [bin, min, max] = [b, i, i];
      keep.add(i);
    } else if (withY) {
      if (y < series[min]![2]) min = i;
      if (y > series[max]![2]) max = i;
    }
  });
  flush();
  return series.filter((_, i) => keep.has(i)).map(([r]) => r);
}

/**
 * Thin tidy rows to about `points` log-spaced x values per series. Each series
 * keeps its first and last row and every row with x ≤ 0. Rows come back grouped
 * by series (in order of first appearance) and sorted by x within a series.
 *
 * @param rows tidy rows, e.g. `{ optimizer, t, regret }`
 * @param options which field is x, which fields name a series, how many points
 * @returns a subset of `rows` (the same objects)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { downsampleLog } from "./downsample.ts";
 * const rows = Array.from({ length: 100_000 }, (_, i) => ({ t: i + 1, loss: 1 / (i + 1) }));
 * assert.ok(downsampleLog(rows, { x: "t", points: 200 }).length <= 201);
 * ```
 */
export function downsampleLog<R extends object>(
  rows: readonly R[],
  options: DownsampleOptions,
): R[] {
  const { x, y, points = 400 } = options;
  if (!Number.isInteger(points) || points < 2) {
    throw new RangeError(`points must be an integer ≥ 2, got ${points}`);
  }
  const by = typeof options.by === "string" ? [options.by] : options.by ?? [];
  const groups = new Map<string, [R, number, number][]>();
  rows.forEach((row, i) => {
    const rec = row as Record<string, unknown>;
    const key = JSON.stringify(by.map((k) => rec[k]));
    const yv = y === undefined ? 0 : numberAt(rec, y, i);
    const group = groups.get(key) ?? groups.set(key, []).get(key)!;
    group.push([row, numberAt(rec, x, i), yv]);
  });
  const out: R[] = [];
  for (const series of groups.values()) {
    series.sort((a, b) => a[1] - b[1]);
    out.push(...thin(series, points, y !== undefined));
  }
  return out;
}
