/**
 * `deno task notebooks`: execute notebooks through the Deno Jupyter kernel,
 * saving outputs in place (or, with --into-temp, into a checked temporary copy).
 * See `USAGE` in args.ts for the flags.
 *
 * @module
 */

import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultCellTimeout, parseNotebookArgs, USAGE } from "./args.ts";
import { checkNotebookFile } from "./check.ts";
import { executeNotebook, prepareJupyter } from "./execute.ts";
import { findNotebooks } from "./find.ts";
import { exportSite } from "./export.ts";
import { ensureJupyterClient } from "./python.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NOTEBOOKS = join(ROOT, "notebooks");

/** A notebook's name relative to notebooks/ (or its file name when it lives elsewhere). */
function shortName(path: string): string {
  const rel = relative(NOTEBOOKS, resolve(path));
  return rel.startsWith("..") ? basename(path) : rel;
}

async function expand(paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return await findNotebooks(NOTEBOOKS);
  const out: string[] = [];
  for (const p of paths) {
    const info = await Deno.stat(p).catch(() => undefined);
    if (info?.isDirectory) out.push(...await findNotebooks(p, []));
    else if (info?.isFile && p.endsWith(".ipynb")) out.push(p);
    else throw new Error(`${p}: expected a .ipynb file or a folder of notebooks`);
  }
  return out;
}

/**
 * Run the notebooks named by `argv` and report each one.
 *
 * @param argv command-line arguments
 * @returns the process exit code: 0 when every notebook ran and passed its checks
 */
export async function main(argv: readonly string[]): Promise<number> {
  const args = parseNotebookArgs(argv);
  if (args.help) return console.log(USAGE), 0;
  const notebooks = await expand(args.paths);
  if (notebooks.length === 0) {
    console.log(
      "No notebooks found under notebooks/ (notebooks/exercises/ is left to its own runner).",
    );
    return 0;
  }
  if (args.html !== undefined) {
    await ensureJupyterClient({ html: true });
    const site = await exportSite(notebooks, args.html, join(ROOT, "results"));
    console.log(
      `${site.notebooks.length} notebooks and ${site.figures.length} figures exported to ` +
        `${join(args.html, "index.html")}`,
    );
    return 0;
  }
  if (args.out !== undefined && notebooks.length !== 1) {
    throw new Error(`--out needs exactly one notebook, got ${notebooks.length}`);
  }
  await prepareJupyter();
  const temp = args.intoTemp ? await Deno.makeTempDir({ prefix: "notebooks-" }) : undefined;
  const env = { ...(args.quick ? { AMSGRAD_QUICK: "1" } : {}), ...args.env };
  const timeoutSeconds = args.timeoutSeconds ?? defaultCellTimeout(args.quick);
  let failures = 0;
  for (const input of notebooks) {
    const name = shortName(input);
    const output = temp ? join(temp, name) : args.out ?? input;
    const r = await executeNotebook(input, output, { env, timeoutSeconds, sign: !temp });
    const problems = r.ok
      ? await checkNotebookFile(output)
      : [`${r.where ?? "before any cell"}: ${r.message}`];
    console.log(`${problems.length ? "✗" : "✓"} ${name}  ${r.seconds.toFixed(1)} s`);
    for (const p of problems) console.log(`    ${name}: ${p.replaceAll("\n", "\n    ")}`);
    if (r.partial) console.log(`    partial output kept at ${r.partial}`);
    if (problems.length) failures++;
  }
  if (temp && failures === 0) await Deno.remove(temp, { recursive: true });
  else if (temp) console.log(`executed copies kept in ${temp}`);
  console.log(`${notebooks.length - failures}/${notebooks.length} notebooks ran cleanly.`);
  return failures === 0 ? 0 : 1;
}

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (e) {
    console.error(`notebooks: ${(e as Error).message}`);
    Deno.exit(2);
  }
}
