/**
 * `deno task test:browser`: open every committed notebook in headless Chromium
 * and check every chart is visible: in the classic Notebook, untrusted; and in
 * the export `deno task notebooks --html` writes (nbconvert HTML of every
 * notebook, and the index page with the results figures), made here in a
 * temporary folder, or checked where it is with `--html DIR`. Screenshots go to
 * results/tmp/browser/ (ignored by git). Installs Chromium, the classic
 * Notebook and nbconvert on demand (Debian packages, as root).
 *
 * @module
 */

import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findNotebooks } from "./find.ts";
import { checkRendering } from "./render.ts";
import { checkExport } from "./export_check.ts";
import { exportSite } from "./export.ts";
import { ensureBrowserTools } from "./python.ts";
import { ensureKernelspec } from "./kernelspec.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * @param argv notebooks (default: those under notebooks/), `--html DIR` (an existing export),
 *   `--screenshots DIR`
 * @returns the exit code: 0 when every chart shows
 */
export async function main(argv: readonly string[]): Promise<number> {
  const paths: string[] = [];
  let html: string | undefined;
  let screenshots = join(ROOT, "results", "tmp", "browser");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--html") html = argv[++i];
    else if (a === "--screenshots") screenshots = argv[++i] ?? screenshots;
    else if (a.startsWith("-")) throw new Error(`unknown flag ${a}`);
    else paths.push(a);
  }
  await ensureBrowserTools();
  await ensureKernelspec();
  const notebooks = paths.length ? paths : await findNotebooks(join(ROOT, "notebooks"));
  const start = performance.now();
  const report = await checkRendering(notebooks, { screenshots, modes: ["classic-untrusted"] });
  const site = html ?? await Deno.makeTempDir({ prefix: "notebooks-html-" });
  try {
    if (html === undefined) await exportSite(notebooks, site, join(ROOT, "results"));
    const exported = await checkExport(site, { screenshots });
    report.problems.push(...exported.problems);
    report.charts.push(...exported.charts);
  } finally {
    if (html === undefined) await Deno.remove(site, { recursive: true });
  }
  for (const nb of notebooks) {
    const mine = report.charts.filter((c) => resolve(c.notebook) === resolve(nb));
    const modes = [...new Set(mine.map((c) => c.mode))];
    const counts = modes.map((m) => `${mine.filter((c) => c.mode === m).length} ${m}`);
    console.log(`${relative(ROOT, nb)}: charts seen ${counts.join(", ") || "none"}`);
  }
  for (const p of report.problems) console.log(`  ✗ ${p}`);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  console.log(
    `${report.charts.length} charts visible, ${report.problems.length} problems, ${seconds} s; ` +
      `screenshots in ${relative(ROOT, screenshots)}/`,
  );
  return report.problems.length === 0 ? 0 : 1;
}

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (e) {
    console.error(`browser check: ${(e as Error).message}`);
    Deno.exit(2);
  }
}
