/**
 * The Jupyter side of a chart: a MIME bundle, and showing it inline when the
 * code runs inside the Deno kernel (`deno jupyter`). Outside the kernel nothing
 * is shown and the bundle is simply returned, so the same code runs in tests.
 *
 * @module
 */

/** A Jupyter MIME bundle: MIME type → content (a string, or JSON for `+json` types). */
export type MimeBundle = Record<string, unknown>;

/** Anything that knows its own MIME bundle, the protocol the Deno kernel displays. */
export interface Displayable {
  /** The MIME bundle to show for this object. */
  bundle(): MimeBundle;
  /** Display metadata, e.g. `{ "image/png": { width: 640 } }` (optional). */
  metadata?(): Record<string, unknown>;
}

interface JupyterNamespace {
  broadcast(msgType: string, content: Record<string, unknown>): Promise<void>;
}

/** The `Deno.jupyter` namespace, or undefined outside the kernel (where its getter throws). */
function jupyterNamespace(): JupyterNamespace | undefined {
  try {
    return (Deno as unknown as { jupyter?: JupyterNamespace }).jupyter;
  } catch {
    return undefined;
  }
}

/**
 * Whether this code runs inside the Deno Jupyter kernel.
 *
 * @returns true under `deno jupyter --kernel`, false under `deno run` or `deno test`.
 */
export function inJupyter(): boolean {
  return jupyterNamespace() !== undefined;
}

/**
 * Show a chart (or a raw bundle) as ONE display output in the notebook, with
 * the chart's display metadata (a 2× PNG is drawn at the SVG's size). Await
 * it, so the output is sent before the cell finishes.
 *
 * @param item a chart or a MIME bundle such as `{"text/html": "<b>hi</b>"}`
 * @returns undefined in the kernel (so that `await display(c)` as a cell's last
 *   expression adds no second output); elsewhere the bundle that would have been shown
 * @example
 * ```ts
 * import { display } from "./jupyter.ts";
 * const shown = await display({ "text/plain": "hello" });
 * console.assert(shown?.["text/plain"] === "hello");
 * ```
 */
export async function display(item: Displayable | MimeBundle): Promise<MimeBundle | undefined> {
  const displayable = typeof item.bundle === "function" ? item as Displayable : undefined;
  const bundle: MimeBundle = displayable ? displayable.bundle() : item as MimeBundle;
  const jupyter = jupyterNamespace();
  if (!jupyter) return bundle;
  const metadata = displayable?.metadata?.() ?? {};
  await jupyter.broadcast("display_data", { data: bundle, metadata, transient: {} });
  return undefined;
}
