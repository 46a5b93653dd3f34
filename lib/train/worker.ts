/**
 * The grid worker: receives run settings, trains, posts the result. The data set
 * is loaded once per (dataset, dataDir) and kept. Its matrix products run on 1
 * thread unless the pool first sends `{ threads }` (see `threadsPerWorker`).
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { loadTrainingData, type TrainingData } from "./data.ts";
import { trainRun } from "./run.ts";
import type { TrainSettings } from "./settings.ts";
import { setThreads } from "../kernels/threads.ts";

const cache = new Map<string, Promise<TrainingData>>();

// One run per core already: the products stay on this thread unless told otherwise.
setThreads(1);

self.onmessage = async (e: MessageEvent<TrainSettings | { threads: number }>) => {
  if ("threads" in e.data) {
    setThreads(e.data.threads);
    return;
  }
  try {
    const s = e.data;
    const key = `${s.dataset}:${s.dataDir ?? ""}:${s.model === "cifarnet"}`; // padded for CIFARNET
    if (!cache.has(key)) cache.set(key, loadTrainingData(s));
    const data = await cache.get(key)!;
    self.postMessage({ result: trainRun(s, data) });
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
};

// The kernels' module initialises WebAssembly with a top-level await; a message
// posted before this point could be lost, so the pool waits for this signal.
self.postMessage({ ready: true });
