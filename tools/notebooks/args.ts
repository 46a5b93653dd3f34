/**
 * Command-line flags of `deno task notebooks`.
 *
 * @module
 */

/** Parsed flags. */
export interface NotebookArgs {
  /** `--quick`: set AMSGRAD_QUICK=1 so notebooks shrink every experiment. */
  quick: boolean;
  /** `--into-temp`: execute into a temporary copy and check it; committed notebooks untouched. */
  intoTemp: boolean;
  /** `--html[=DIR]`: export the notebooks as they are and results/ figures (default results/tmp/html). */
  html?: string;
  /** `--out PATH`: output for a single notebook given as argument. */
  out?: string;
  /** `--env KEY=VALUE` (repeatable): more environment variables for the kernel. */
  env: Record<string, string>;
  /** `--timeout SECONDS`: limit per cell (default {@link defaultCellTimeout}). */
  timeoutSeconds?: number;
  /** `--help`. */
  help: boolean;
  /** Notebooks or folders given explicitly. */
  paths: string[];
}

/** Usage text. */
export const USAGE = `deno task notebooks [flags] [notebook.ipynb | folder ...]

Executes notebooks through the Deno Jupyter kernel (nbclient), saving outputs in
place. Without paths: every notebook under notebooks/ except notebooks/exercises/.

  --quick            AMSGRAD_QUICK=1: notebooks shrink every experiment
  --into-temp        execute into a temporary copy, then check it (no error,
                     every cell tagged "plot" shows an SVG); notebooks untouched
  --html[=DIR]       do not execute: export the notebooks as they are (nbconvert
                     HTML, charts as PNG) and the figures of results/ into DIR,
                     with an index.html (default DIR: results/tmp/html)
  --out PATH         with ONE notebook: write the executed notebook to PATH
  --env KEY=VALUE    extra environment variable for the kernel (repeatable)
  --timeout SECONDS  limit per cell (default 600 with --quick, 3600 otherwise)`;

/**
 * The per-cell time limit when `--timeout` is not given: 10 minutes for quick
 * runs, an hour for full ones (the longest full cell, Figure 2's grid, takes minutes).
 *
 * @param quick whether the run is quick
 * @returns seconds
 */
export function defaultCellTimeout(quick: boolean): number {
  return quick ? 600 : 3600;
}

/**
 * @param argv the arguments after the script name
 * @returns the parsed flags
 * @throws Error naming an unknown flag or a malformed value
 */
export function parseNotebookArgs(argv: readonly string[]): NotebookArgs {
  const args: NotebookArgs = { quick: false, intoTemp: false, env: {}, help: false, paths: [] };
  const value = (flag: string, i: number) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new Error(`${flag} expects a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--quick") args.quick = true;
    else if (a === "--into-temp") args.intoTemp = true;
    else if (a === "--help" || a === "-h") args.help = true;
    else if (a === "--html") args.html = "results/tmp/html";
    else if (a.startsWith("--html=")) args.html = a.slice("--html=".length);
    else if (a === "--out") args.out = value(a, i++);
    else if (a === "--timeout") {
      const s = Number(value(a, i++));
      if (!(s > 0)) {
        throw new Error(`--timeout expects a positive number of seconds, got ${argv[i]}`);
      }
      args.timeoutSeconds = s;
    } else if (a === "--env") {
      const kv = value(a, i++), eq = kv.indexOf("=");
      if (eq <= 0) throw new Error(`--env expects KEY=VALUE, got "${kv}"`);
      args.env[kv.slice(0, eq)] = kv.slice(eq + 1);
    } else if (a.startsWith("-")) throw new Error(`unknown flag ${a}\n\n${USAGE}`);
    else args.paths.push(a);
  }
  if (args.out !== undefined && args.intoTemp) {
    throw new Error("--out and --into-temp exclude each other");
  }
  if (args.html !== undefined && (args.quick || args.intoTemp || args.out !== undefined)) {
    throw new Error("--html exports the notebooks as they are; it takes no execution flags");
  }
  return args;
}
