/**
 * HTML export of an executed notebook with Debian's nbconvert. Charts survive
 * because lib/plot puts the SVG in `text/html` too (nbconvert 6 sanitises
 * `image/svg+xml` away).
 *
 * @module
 */

import { mkdir } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { ensureJupyterClient, PYTHON } from "./python.ts";

/**
 * @param notebook an executed `.ipynb`
 * @param html the `.html` file to write (folders are created)
 * @returns the path written
 * @throws Error with nbconvert's message when the export fails
 */
export async function exportHtml(notebook: string, html: string): Promise<string> {
  if (!html.endsWith(".html")) throw new TypeError(`expected an .html path, got "${html}"`);
  await ensureJupyterClient({ html: true });
  await mkdir(dirname(resolve(html)), { recursive: true });
  const args = [
    "-m",
    "nbconvert",
    "--to",
    "html",
    "--log-level",
    "WARN",
    "--output-dir",
    dirname(resolve(html)),
    "--output",
    basename(html, ".html"),
    resolve(notebook),
  ];
  const out = await new Deno.Command(PYTHON, { args, stdin: "null" }).output();
  if (!out.success) {
    throw new Error(
      `nbconvert --to html ${notebook} failed:\n${new TextDecoder().decode(out.stderr)}`,
    );
  }
  return html;
}
