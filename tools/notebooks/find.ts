/**
 * Finding notebooks: every `.ipynb` under a folder, recursively, in a stable
 * order, skipping checkpoints, hidden folders and the given sub-folders
 * (`notebooks/exercises/` has its own runner that calls ours per notebook).
 *
 * @module
 */

import { join, relative } from "node:path";

/**
 * @param root the folder to search (missing folder → no notebooks)
 * @param skip folders, relative to `root`, left out entirely (default `["exercises"]`)
 * @returns notebook paths (joined onto `root`), sorted
 */
export async function findNotebooks(
  root: string,
  skip: readonly string[] = ["exercises"],
): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries: Deno.DirEntry[];
    try {
      entries = await Array.fromAsync(Deno.readDir(dir));
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) return;
      throw e;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.name.startsWith(".")) continue; // .ipynb_checkpoints and friends
      if (entry.isDirectory && !skip.includes(relative(root, path))) await walk(path);
      else if (entry.isFile && entry.name.endsWith(".ipynb")) found.push(path);
    }
  }
  await walk(root);
  return found.sort();
}
