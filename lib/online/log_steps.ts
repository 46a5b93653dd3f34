/**
 * Log-spaced recording: the steps at which a long run is sampled, so that
 * 10^8 steps give about `points` rows instead of 10^8.
 *
 * @module
 */

/**
 * The sorted, distinct steps t ∈ [1, T] closest to `points` log-spaced values,
 * always including 1 and T. Every step is kept while steps are fewer than points.
 */
export function logSpacedSteps(T: number, points = 400): number[] {
  if (!Number.isInteger(T) || T < 1) throw new RangeError(`T must be an integer ≥ 1, got ${T}`);
  if (!Number.isInteger(points) || points < 2) {
    throw new RangeError(`points must be an integer ≥ 2, got ${points}`);
  }
  if (T <= points) return Array.from({ length: T }, (_, i) => i + 1);
  const out: number[] = [];
  const logT = Math.log(T);
  for (let k = 0; k < points; k++) {
    const t = Math.round(Math.exp((logT * k) / (points - 1)));
    if (out.length === 0 || t > out[out.length - 1]!) out.push(t);
  }
  if (out[out.length - 1] !== T) out.push(T);
  return out;
}
