/**
 * Independent runs of a grid on parallel Web Workers, one per core. Each worker
 * loads the data set once and trains the runs it is handed; results come back
 * in the order of the input, so a grid's output does not depend on scheduling.
 * The workers' matrix products use the cores the workers leave free
 * ({@link threadsPerWorker}: 1 when there are as many workers as cores), so the
 * machine is not oversubscribed; the results are the same bits either way.
 *
 * @module
 */
import { defaultThreads } from "../kernels/threads.ts";
import type { TrainResult } from "./run.ts";
import type { TrainSettings } from "./settings.ts";

/** Default worker count: the machine's cores. */
export function defaultWorkers(): number {
  return Math.max(1, navigator.hardwareConcurrency || 1);
}

/**
 * Threads for each worker's products (`setThreads` of lib/kernels) when `workers`
 * share the machine: its cores divided among them, at least 1, at most the
 * kernels' default.
 */
export function threadsPerWorker(workers: number): number {
  const cores = navigator.hardwareConcurrency || 1;
  return Math.max(1, Math.min(defaultThreads(), Math.floor(cores / Math.max(1, workers))));
}

/**
 * Trains every run of `runs`, `workers` at a time. `onDone` is called as each
 * finishes (for progress lines).
 */
export async function trainGrid(
  runs: TrainSettings[],
  opts: { workers?: number; onDone?: (done: number, total: number, r: TrainResult) => void } = {},
): Promise<TrainResult[]> {
  const n = Math.min(opts.workers ?? defaultWorkers(), runs.length);
  const results: TrainResult[] = new Array(runs.length);
  let next = 0;
  let done = 0;
  const url = new URL("./worker.ts", import.meta.url).href;
  const one = async () => {
    const w = new Worker(url, { type: "module" });
    try {
      await new Promise<void>((resolve, reject) => {
        w.onmessage = (e: MessageEvent) => e.data.ready && resolve();
        w.onerror = (e: ErrorEvent) => {
          e.preventDefault();
          reject(new Error(`worker failed to start: ${e.message}`));
        };
      });
      w.postMessage({ threads: threadsPerWorker(n) });
      while (next < runs.length) {
        const i = next++;
        const r = await new Promise<TrainResult>((resolve, reject) => {
          w.onmessage = (
            e: MessageEvent,
          ) => (e.data.error ? reject(new Error(e.data.error)) : resolve(e.data.result));
          w.onerror = (e: ErrorEvent) => {
            e.preventDefault();
            reject(new Error(`worker failed: ${e.message}`));
          };
          w.postMessage(runs[i]);
        });
        results[i] = r;
        opts.onDone?.(++done, runs.length, r);
      }
    } finally {
      w.terminate();
    }
  };
  await Promise.all(Array.from({ length: n }, one));
  return results;
}
