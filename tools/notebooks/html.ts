/**
 * HTML export of an executed notebook with Debian's nbconvert. nbconvert
 * prefers `image/svg+xml` to `image/png`, and version 6.5 (Debian 12) passes
 * inline SVG through lxml's HTML cleaner, which strips it to bare text; so the
 * export ranks `image/png` first (a config file setting
 * `NbConvertBase.display_data_priority`), and every lib/plot chart shows as its PNG.
 *
 * @module
 */

import { mkdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { ensureJupyterClient, PYTHON } from "./python.ts";

/** nbconvert's own priority list, with `image/png` moved before `image/svg+xml`. */
export const PNG_FIRST = `c.NbConvertBase.display_data_priority = [
    "text/html", "application/pdf", "text/latex", "image/png", "image/svg+xml",
    "image/jpeg", "text/markdown", "text/plain",
]
`;

/**
 * Export one notebook to HTML, charts as PNG.
 *
 * @param notebook an executed `.ipynb`
 * @param html the `.html` file to write (folders are created)
 * @returns the path written
 * @throws Error with nbconvert's message when the export fails
 */
export async function exportHtml(notebook: string, html: string): Promise<string> {
  if (!html.endsWith(".html")) throw new TypeError(`expected an .html path, got "${html}"`);
  await ensureJupyterClient({ html: true });
  await mkdir(dirname(resolve(html)), { recursive: true });
  const configDir = await Deno.makeTempDir({ prefix: "nbconvert-config-" });
  const config = join(configDir, "png_first.py");
  await Deno.writeTextFile(config, PNG_FIRST);
  const args = [
    "-m",
    "nbconvert",
    "--to",
    "html",
    "--log-level",
    "WARN",
    `--config=${config}`,
    "--output-dir",
    dirname(resolve(html)),
    "--output",
    basename(html, ".html"),
    resolve(notebook),
  ];
  const out = await new Deno.Command(PYTHON, { args, stdin: "null" }).output();
  await Deno.remove(configDir, { recursive: true });
  if (!out.success) {
    throw new Error(
      `nbconvert --to html ${notebook} failed:\n${new TextDecoder().decode(out.stderr)}`,
    );
  }
  return html;
}
