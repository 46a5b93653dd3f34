/**
 * `deno task reproduce`: the main job. Reproduces every figure of the paper that
 * this project covers, writes data (with full settings) and SVG charts to
 * results/, and prints one line per paper claim with our numbers.
 *
 *   deno task reproduce [--quick] [--only synthetic,logreg,mlp] [--out results]
 *
 * `--quick` (or AMSGRAD_QUICK=1) shrinks every experiment, for tests.
 *
 * @module
 */
import process from "node:process";
import { parseFlags, runCli, UsageError } from "./_cli.ts";
import { reproduceFigure2 } from "./reproduce/figure2.ts";
import type { Claim } from "./reproduce/report.ts";
import { writeJson } from "./reproduce/report.ts";
import { reproduceSynthetic } from "./reproduce/synthetic.ts";
import { summaryMarkdown, writeSummary } from "./reproduce/summary.ts";

const USAGE = `usage: deno task reproduce [--quick] [--only synthetic,logreg,mlp] [--out DIR]`;
const PARTS = ["synthetic", "logreg", "mlp"] as const;

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags(Deno.args, {
    quick: { type: "boolean" },
    only: { type: "string" },
    out: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return console.log(USAGE);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const quick = Boolean(values.quick) || Deno.env.get("AMSGRAD_QUICK") === "1";
  const out = String(values.out ?? "results");
  const only = values.only === undefined ? [...PARTS] : String(values.only).split(",");
  for (const p of only) {
    if (!(PARTS as readonly string[]).includes(p)) {
      throw new UsageError(`--only takes ${PARTS.join(",")}, got "${p}"`);
    }
  }
  const t0 = performance.now();
  const claims: Claim[] = [];
  const timings: Record<string, number> = {};
  for (const part of PARTS.filter((p) => only.includes(p))) {
    const t = performance.now();
    console.log(`\n== ${part}${quick ? " (quick)" : ""} ==`);
    claims.push(
      ...(part === "synthetic"
        ? await reproduceSynthetic(out, quick)
        : await reproduceFigure2(out, part, quick)),
    );
    timings[part] = (performance.now() - t) / 1000;
  }
  const seconds = (performance.now() - t0) / 1000;
  // Workers are threads of this process, so its peak resident set covers the grids too.
  const rss = process.resourceUsage().maxRSS * 1024;
  await writeJson(`${out}/claims.json`, { quick, claims, seconds: timings, totalSeconds: seconds });
  if (!quick && values.only === undefined) {
    // A full run of every part rewrites the README's results section from its own numbers.
    const readme = new URL("../README.md", import.meta.url).pathname;
    await writeSummary(out, readme, summaryMarkdown(claims, timings, rss / 2 ** 20));
  }
  const count = (v: Claim["verdict"]) => claims.filter((c) => c.verdict === v).length;
  const checked = claims.length - count("info");
  console.log(
    `\nof ${checked} claims: ${count("agrees")} agree, ${count("tie")} tie, ${
      count("differs")
    } differ; ${seconds.toFixed(0)} s (` +
      Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(", ") +
      `), peak RSS ${(rss / 2 ** 20).toFixed(0)} MiB; results in ${out}/`,
  );
});
