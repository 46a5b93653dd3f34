/**
 * `deno task reproduce`: the main job. Reproduces every figure of the paper that
 * this project covers, writes data (with full settings and every seed's run)
 * and SVG charts, and prints one line per paper claim with our numbers and
 * the verdict by the declared rule.
 *
 *   deno task reproduce [--quick] [--only synthetic,logreg,mlp,cifarnet] [--cifar] [--out DIR]
 *
 * The CIFARNET part runs when CIFAR-10 is present (or with `--cifar`, which
 * downloads it); otherwise it prints one line on how to get it, and the
 * paper's CIFARNET claim is reported as not reproduced.
 *
 * A full run of every part writes results/ and the README's results block.
 * `--quick` (or AMSGRAD_QUICK=1) shrinks every experiment and writes to
 * results/quick/; `--only` at full scale writes to results/partial/; neither
 * touches results/ or the README. Each part's files are written only after
 * the part succeeded, each through a temporary file and a rename.
 *
 * @module
 */
import process from "node:process";
import { parseFlags, runCli, UsageError } from "./_cli.ts";
import { reproduceCifarnet } from "./reproduce/cifarnet.ts";
import { reproduceFigure2 } from "./reproduce/figure2.ts";
import { Staged } from "./reproduce/output.ts";
import type { Claim } from "./reproduce/report.ts";
import { printClaim } from "./reproduce/report.ts";
import { reproduceSynthetic } from "./reproduce/synthetic.ts";
import { CIFARNET_CLAIM, summaryMarkdown, writeSummary } from "./reproduce/summary.ts";

const USAGE =
  `usage: deno task reproduce [--quick] [--only synthetic,logreg,mlp,cifarnet] [--cifar] [--out DIR]

  --cifar   download CIFAR-10 (162 MB, MD5-checked) when it is missing, for the CIFARNET part`;
const PARTS = ["synthetic", "logreg", "mlp", "cifarnet"] as const;

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags(Deno.args, {
    quick: { type: "boolean" },
    only: { type: "string" },
    cifar: { type: "boolean" },
    out: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return console.log(USAGE);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const quick = Boolean(values.quick) || Deno.env.get("AMSGRAD_QUICK") === "1";
  const only = values.only === undefined ? [...PARTS] : String(values.only).split(",");
  for (const p of only) {
    if (!(PARTS as readonly string[]).includes(p)) {
      throw new UsageError(`--only takes ${PARTS.join(",")}, got "${p}"`);
    }
  }
  const full = !quick && values.only === undefined;
  const out = String(
    values.out ?? (quick ? "results/quick" : full ? "results" : "results/partial"),
  );
  const load = (await Deno.readTextFile("/proc/loadavg").catch(() => "?")).split(" ")
    .slice(0, 3).join(", ");
  const t0 = performance.now();
  const claims: Claim[] = [];
  const timings: Record<string, number> = {};
  for (const part of PARTS.filter((p) => only.includes(p))) {
    const t = performance.now();
    console.log(`\n== ${part}${quick ? " (quick)" : ""} ==`);
    const stage = new Staged(out);
    if (part === "cifarnet") {
      const cifar = await reproduceCifarnet(stage, { download: Boolean(values.cifar), quick });
      claims.push(...(cifar.length > 0 ? cifar : [CIFARNET_CLAIM]));
      if (cifar.length === 0) printClaim(CIFARNET_CLAIM);
    } else {
      claims.push(
        ...(part === "synthetic"
          ? reproduceSynthetic(stage, quick)
          : await reproduceFigure2(stage, part, quick)),
      );
    }
    await stage.commit();
    timings[part] = (performance.now() - t) / 1000;
  }
  const seconds = (performance.now() - t0) / 1000;
  // Workers are threads of this process, so its peak resident set covers the grids too.
  const rss = process.resourceUsage().maxRSS * 1024;
  const cpu = process.resourceUsage();
  const cpuSeconds = (cpu.userCPUTime + cpu.systemCPUTime) / 1e6;
  const final = new Staged(out);
  final.json("claims.json", {
    quick,
    claims,
    seconds: timings,
    totalSeconds: seconds,
    cpuSeconds,
    load,
  });
  await final.commit();
  if (full && values.out === undefined) {
    // A full run of every part rewrites the README's results section from its own numbers.
    const readme = new URL("../README.md", import.meta.url).pathname;
    await writeSummary(
      out,
      readme,
      summaryMarkdown(claims, timings, rss / 2 ** 20, load, cpuSeconds),
    );
  }
  const count = (v: Claim["verdict"]) => claims.filter((c) => c.verdict === v).length;
  console.log(
    `\n${count("agrees")} agree, ${count("differs")} differ, ${count("inconclusive")} ` +
      `inconclusive, ${count("info")} beyond the paper, ${count("not reproduced")} not ` +
      `reproduced; ${seconds.toFixed(0)} s (` +
      Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(", ") +
      `; ${cpuSeconds.toFixed(0)} s of CPU; load average at the start ${load}), peak RSS ${
        (rss / 2 ** 20).toFixed(0)
      } MiB; ` +
      `results in ${out}/`,
  );
});
