/**
 * Execute ONE notebook through the Deno Jupyter kernel (nbclient, via
 * `execute.py` and Debian's Python) into an output path, with extra environment
 * variables. The notebook is executed into a temporary file first; the output
 * path is written only on success, so a failure never clobbers a notebook.
 *
 * @module
 */

import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureKernelspec } from "./kernelspec.ts";
import { ensureJupyterClient, PYTHON } from "./python.ts";

const EXECUTE_PY = fileURLToPath(new URL("./execute.py", import.meta.url));

/** Options of {@link executeNotebook}. */
export interface ExecuteOptions {
  /** Extra environment variables for the kernel, e.g. `{ AMSGRAD_QUICK: "1" }`. */
  env?: Record<string, string>;
  /** The kernel's working directory (default: the input notebook's folder). */
  cwd?: string;
  /** Seconds allowed per cell (default: no limit). */
  timeoutSeconds?: number;
  /** Mark the written notebook trusted in the local Jupyter database (default false). */
  sign?: boolean;
  /** The deno binary the kernel runs (default `Deno.execPath()`), through a private kernelspec. */
  deno?: string;
}

/** What happened to one notebook. */
export interface ExecuteResult {
  /** True when every cell ran without error and the output was written. */
  ok: boolean;
  /** The notebook that was executed and where its outputs went. */
  input: string;
  /** @see input */
  output: string;
  /** Wall time in seconds, kernel start included. */
  seconds: number;
  /** Outputs that arrived after their cell's `idle` and were still kept (diagnostic). */
  lateMessages?: number;
  /** On failure: the cell ("cell 7/12 (`...`)"), the error, and the partial notebook. */
  where?: string;
  /** @see where */
  message?: string;
  /** @see where */
  partial?: string;
}

let prepared: Promise<void> | undefined;

/**
 * Make sure Debian's Jupyter client is present and the kernelspec runs this deno
 * (once per process; later calls reuse the first).
 *
 * @param options `html`: nbconvert too (not memoised; cheap when present)
 */
export function prepareJupyter(options: { html?: boolean; deno?: string } = {}): Promise<void> {
  prepared ??= (async () => {
    await ensureJupyterClient();
    await ensureKernelspec({ deno: options.deno });
  })();
  return options.html ? prepared.then(() => ensureJupyterClient({ html: true })) : prepared;
}

/**
 * Execute `input` through the Deno kernel and, when every cell succeeds, write the
 * executed notebook (stable metadata, outputs that arrived after `idle` kept) to `output`.
 *
 * @param input the notebook to run
 * @param output where to write it (may equal `input`)
 * @param options environment, working directory, time limit
 * @returns the outcome; on failure `where` and `message` name the cell and the error
 */
export async function executeNotebook(
  input: string,
  output: string,
  options: ExecuteOptions = {},
): Promise<ExecuteResult> {
  const deno = options.deno ?? Deno.execPath();
  await prepareJupyter({ deno });
  const tmp = join(await Deno.makeTempDir({ prefix: "notebook-" }), "executed.ipynb");
  const args = [
    EXECUTE_PY,
    "--input",
    resolve(input),
    "--output",
    tmp,
    "--deno",
    deno,
    "--cwd",
    resolve(options.cwd ?? dirname(input)),
    "--timeout",
    String(options.timeoutSeconds ?? -1),
    ...(options.sign ? ["--sign"] : []),
  ];
  const start = performance.now();
  const run = await new Deno.Command(PYTHON, { args, env: options.env, stdin: "null" }).output();
  const seconds = (performance.now() - start) / 1000;
  const stdout = new TextDecoder().decode(run.stdout).trim();
  let report: { ok?: boolean; late_messages?: number; where?: string; message?: string } = {};
  try {
    report = JSON.parse(stdout.split("\n").pop() ?? "");
  } catch {
    const stderr = new TextDecoder().decode(run.stderr);
    report = {
      ok: false,
      message: `execute.py gave no report (exit ${run.code}):\n${stdout}\n${stderr}`,
    };
  }
  const base = { input, output, seconds, lateMessages: report.late_messages };
  if (!run.success || !report.ok) {
    const partial = await Deno.stat(tmp).then(() => tmp, () => undefined);
    if (!partial) await Deno.remove(dirname(tmp), { recursive: true });
    return { ...base, ok: false, where: report.where, message: report.message, partial };
  }
  await mkdir(dirname(resolve(output)), { recursive: true });
  await copyFile(tmp, output);
  await Deno.remove(dirname(tmp), { recursive: true });
  return { ...base, ok: true };
}
