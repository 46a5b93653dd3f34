/**
 * Tick labels a reader can compare at a glance: plain decimals with thousands
 * separators, powers of ten for very large or small values, never SI prefixes
 * (no "300m" beside "10M").
 *
 * @module
 */

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const MINUS = "−";

function superscript(n: number): string {
  const digits = String(Math.abs(n)).split("").map((d) => SUPERSCRIPT[Number(d)]).join("");
  return (n < 0 ? "⁻" : "") + digits;
}

/**
 * Format a number for an axis: `0`, `0.05`, `1,500`, `10⁶`, `2×10⁻⁵`, with a
 * true minus sign. Values of magnitude in [10⁻³, 10⁵) print as decimals (at
 * most 4 significant digits); others as a power of ten times a mantissa.
 *
 * @param x the tick value
 * @returns its label
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { plainNumber } from "./ticks.ts";
 * assert.equal(plainNumber(0.3), "0.3");
 * assert.equal(plainNumber(10_000_000), "10⁷");
 * assert.equal(plainNumber(-2500), "−2,500");
 * ```
 */
export function plainNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const sign = x < 0 ? MINUS : "";
  const a = Math.abs(x);
  const e = Math.floor(Math.log10(a) + 1e-12);
  if (e >= -3 && e < 5) {
    const text = Number(a.toPrecision(4)).toLocaleString("en-US", { maximumFractionDigits: 8 });
    return sign + text;
  }
  const mantissa = Number((a / 10 ** e).toPrecision(3));
  const power = `10${superscript(e)}`;
  return sign + (mantissa === 1 ? power : `${mantissa}×${power}`);
}

/**
 * Like {@link plainNumber}, but blank for log-axis ticks whose mantissa is not
 * 1, 2 or 5, so a log axis spanning a few decades is not crowded.
 *
 * @param x the tick value
 * @returns its label, or `""`
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logTickLabel } from "./ticks.ts";
 * assert.deepEqual([0.2, 0.3, 0.5, 1].map(logTickLabel), ["0.2", "", "0.5", "1"]);
 * ```
 */
export function logTickLabel(x: number): string {
  if (!(x > 0)) return plainNumber(x);
  const mantissa = Math.round(x / 10 ** Math.floor(Math.log10(x) + 1e-12));
  return mantissa === 1 || mantissa === 2 || mantissa === 5 ? plainNumber(x) : "";
}

/**
 * Evenly spaced, round ticks for a log axis that spans less than a factor of 30
 * (e.g. a loss from 0.16 to 0.3), where a log scale's own ticks would fall on
 * mantissas {@link logTickLabel} leaves unlabelled; `undefined` for a wider span,
 * where the log scale's 1-2-5 ticks read well.
 *
 * @param lo the smallest value drawn (> 0)
 * @param hi the largest value drawn
 * @returns the ticks, or undefined to keep the scale's own
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logAxisTicks } from "./ticks.ts";
 * assert.deepEqual(logAxisTicks(0.16, 0.3), [0.16, 0.18, 0.2, 0.22, 0.24, 0.26, 0.28, 0.3]);
 * assert.equal(logAxisTicks(0.01, 10), undefined);
 * ```
 */
export function logAxisTicks(lo: number, hi: number): number[] | undefined {
  if (!(lo > 0 && hi > lo && Number.isFinite(hi)) || hi / lo >= 30) return undefined;
  const raw = (hi - lo) / 6;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const step = (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi * (1 + 1e-9); k++) {
    ticks.push(Number((k * step).toPrecision(12)));
  }
  return ticks;
}
