/**
 * The notebook runner, for other tools (e.g. the exercises' runner):
 * execute ONE notebook into an output path with given environment variables,
 * then check it.
 *
 * ```ts ignore
 * import { checkNotebookFile, executeNotebook } from "../notebooks/mod.ts";
 * const r = await executeNotebook("notebooks/exercises/e1.ipynb", "/tmp/e1.ipynb", {
 *   env: { AMSGRAD_QUICK: "1" },
 * });
 * if (!r.ok) throw new Error(`${r.input}: ${r.where}: ${r.message}`);
 * const problems = await checkNotebookFile(r.output); // [] when fine
 * ```
 *
 * CLI form: `deno task notebooks --out OUT.ipynb --env KEY=VALUE NOTEBOOK.ipynb`.
 *
 * @module
 */

export {
  executeNotebook,
  type ExecuteOptions,
  type ExecuteResult,
  prepareJupyter,
} from "./execute.ts";
export { checkNotebook, checkNotebookFile, describeCell } from "./check.ts";
export { findNotebooks } from "./find.ts";
export { exportHtml } from "./html.ts";
export { ensureKernelspec, kernelJsonPath } from "./kernelspec.ts";
export { ensureJupyterClient, missingModules, PYTHON } from "./python.ts";
