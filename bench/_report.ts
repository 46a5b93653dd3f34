/**
 * Shared helpers of the benchmark sections: the header, timing, and the one
 * output format, "ours vs reference = ratio".
 *
 * @module
 */

/** The machine: Deno, V8 and TypeScript versions, CPU model and core count. */
export function header(): string {
  let cpu = "unknown CPU";
  try {
    const info = Deno.readTextFileSync("/proc/cpuinfo");
    cpu = /^model name\s*:\s*(.*)$/m.exec(info)?.[1] ?? cpu;
  } catch {
    // Not Linux: leave the CPU unnamed.
  }
  const v = Deno.version;
  return [
    `# bench: deno ${v.deno}, V8 ${v.v8}, TypeScript ${v.typescript}`,
    `# CPU: ${cpu} (${navigator.hardwareConcurrency} logical cores), ${Deno.build.target}`,
    "# Timings on a shared machine are noisy: compare ratios within one run.",
  ].join("\n");
}

/**
 * Best time in milliseconds of one call of `fn` over `repeats` trials (after one
 * warm-up call). The minimum is the estimate least disturbed by other processes.
 */
export function bestMs(fn: () => void, repeats: number): number {
  fn();
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    fn();
    const dt = performance.now() - t0;
    if (dt < best) best = dt;
  }
  return best;
}

/**
 * Interleaves trials of several candidates, so that a burst of load from another
 * process hits all of them alike; returns each one's best time in ms.
 */
export function bestOfInterleaved(fns: readonly (() => void)[], repeats: number): number[] {
  for (const fn of fns) fn();
  const best = fns.map(() => Infinity);
  for (let r = 0; r < repeats; r++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      const dt = performance.now() - t0;
      if (dt < best[k]!) best[k] = dt;
    });
  }
  return best;
}

/** Formats a number with an SI prefix: 1.23e7 → "12.3M". */
export function si(x: number): string {
  const units: [number, string][] = [[1e9, "G"], [1e6, "M"], [1e3, "k"]];
  for (const [scale, unit] of units) {
    if (Math.abs(x) >= scale) return `${(x / scale).toPrecision(3)}${unit}`;
  }
  return x.toPrecision(3);
}

/**
 * Prints one comparison line: `label: ours <a> vs <reference> <b> = <ratio>`.
 * `ratio` is ours/reference, so > 1 means ours is larger (faster for a rate,
 * slower for a time); `higherIsBetter` only adds the reading.
 */
export function report(opts: {
  label: string;
  ours: number;
  reference: number;
  referenceName: string;
  unit: string;
  higherIsBetter: boolean;
  format?: (x: number) => string;
}): void {
  const f = opts.format ?? si;
  const ratio = opts.ours / opts.reference;
  const reading = opts.higherIsBetter
    ? (ratio < 1 ? `${(100 * ratio).toFixed(1)}% of the reference's rate` : `${si(ratio)}x faster`)
    : (ratio > 1 ? `${ratio.toFixed(2)}x the reference's time` : `${si(1 / ratio)}x faster`);
  console.log(
    `${opts.label}: ours ${f(opts.ours)} ${opts.unit} vs ${opts.referenceName} ` +
      `${f(opts.reference)} ${opts.unit} = ${ratio.toFixed(3)} (${reading})`,
  );
}
