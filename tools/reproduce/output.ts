/**
 * Staged, atomic outputs for the main job: a part's files are collected in
 * memory and written only after the whole part succeeded, each to a temporary
 * file in the same folder and then renamed over the old one, so a failed or
 * interrupted run never leaves a half-written or mixed results folder.
 *
 * @module
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Chart } from "../../lib/plot/mod.ts";

/** Files of one part, held until {@link Staged.commit}. */
export class Staged {
  readonly #files = new Map<string, string | Uint8Array>();

  /** @param out the folder the files go to */
  constructor(readonly out: string) {}

  /** Stages `value` as JSON (NaN and ±∞ become null). */
  json(name: string, value: unknown): void {
    this.#files.set(name, JSON.stringify(value, null, 1) + "\n");
  }

  /** Stages a chart as `<name>.svg` and `<name>.png` (the PNG rasterised by lib/plot). */
  chart(name: string, chart: Chart): void {
    if (/\.(svg|png)$/.test(name)) throw new TypeError(`give the chart's name without extension`);
    this.#files.set(`${name}.svg`, chart.svg);
    this.#files.set(`${name}.png`, chart.png.bytes);
  }

  /** Stages text. */
  text(name: string, text: string): void {
    this.#files.set(name, text);
  }

  /** The names staged so far. */
  get names(): string[] {
    return [...this.#files.keys()];
  }

  /** Writes every staged file: a temporary file beside each, then a rename. */
  async commit(): Promise<void> {
    for (const [name, text] of this.#files) await writeAtomic(join(this.out, name), text);
    this.#files.clear();
  }
}

/** Writes `text` (or bytes) to `path` through a temporary file in the same folder and a rename. */
export async function writeAtomic(path: string, text: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${Deno.pid}`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
