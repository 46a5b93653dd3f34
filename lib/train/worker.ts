/**
 * The grid worker: receives run settings, trains, posts the result. The data set
 * is loaded once per (dataset, dataDir) and kept.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { loadMnist } from "../data/load.ts";
import type { LoadedDataset } from "../data/types.ts";
import { trainRun } from "./run.ts";
import type { TrainSettings } from "./settings.ts";

const cache = new Map<string, Promise<LoadedDataset>>();

self.onmessage = async (e: MessageEvent<TrainSettings>) => {
  try {
    const s = e.data;
    const key = `${s.dataset}:${s.dataDir ?? ""}`;
    if (!cache.has(key)) cache.set(key, loadMnist({ dataset: s.dataset, dataDir: s.dataDir }));
    const data = await cache.get(key)!;
    self.postMessage({ result: trainRun(s, data) });
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
};

// The kernels' module initialises WebAssembly with a top-level await; a message
// posted before this point could be lost, so the pool waits for this signal.
self.postMessage({ ready: true });
