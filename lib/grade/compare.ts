/**
 * Comparing a student's trace with the library's: the first point that
 * differs beyond a tolerance, and a readable description of the difference.
 *
 * @module
 */
import type { TracePoint } from "./types.ts";

/** |a − b| ≤ abs + rel·max(|a|, |b|); equal infinities and NaN against NaN count as close. */
export interface Tolerance {
  /** Relative tolerance. */
  rel: number;
  /** Absolute tolerance. */
  abs: number;
}

/** Whether two recorded values agree within `tol` (both numbers, or identical). */
export function close(a: unknown, b: unknown, tol: Tolerance): boolean {
  if (typeof a !== "number" || typeof b !== "number") return Object.is(a, b);
  if (a === b) return true;
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= tol.abs + tol.rel * Math.max(Math.abs(a), Math.abs(b));
}

/** Where two traces first disagree. */
export interface Divergence {
  index: number;
  label: string;
  expected: unknown;
  actual: unknown;
}

/**
 * The first index at which `actual` differs from `expected`, or null when they
 * agree everywhere. A shorter `actual` diverges where it ends.
 */
export function firstDivergence(
  expected: readonly TracePoint[],
  actual: readonly TracePoint[],
  tol: Tolerance,
): Divergence | null {
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = actual[i];
    if (a === undefined) return { index: i, label: e.label, expected: e.value, actual: undefined };
    if (!close(e.value, a.value, tol)) {
      return { index: i, label: e.label, expected: e.value, actual: a.value };
    }
  }
  return null;
}

/** A number in 10 significant digits, or what the value was instead. */
export function show(v: unknown): string {
  if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
    return Number.isFinite(v) ? String(Number(v.toPrecision(10))) : String(v);
  }
  if (v === undefined) return "undefined (is a `return` missing?)";
  if (typeof v === "string") return JSON.stringify(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** "step 3, s.vHat: expected 0.004, got 0.005 (off by +1e-3, 25%)". */
export function describeDivergence(d: Divergence): string {
  const base = `${d.label}: expected ${show(d.expected)}, got ${show(d.actual)}`;
  if (typeof d.expected !== "number" || typeof d.actual !== "number") return base;
  if (!Number.isFinite(d.actual)) return base;
  const diff = d.actual - d.expected;
  const sign = diff >= 0 ? "+" : "-";
  const off = `off by ${sign}${Math.abs(diff).toPrecision(2)}`;
  if (d.expected === 0) return `${base} (${off})`;
  const pct = Math.abs(diff / d.expected) * 100;
  if (pct > 1000) return `${base} (${off})`;
  const rel = pct >= 0.1
    ? `${Number(pct.toPrecision(2))}%`
    : `relative ${(pct / 100).toExponential(1)}`;
  return `${base} (${off}, ${rel})`;
}
