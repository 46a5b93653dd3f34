/**
 * The README's results section, written by a full run of the main job so that
 * every number in it comes from that run: `results/summary.md`, also copied
 * into README.md between the markers below.
 *
 * @module
 */
import { readFile, writeFile } from "node:fs/promises";
import type { Claim } from "./report.ts";

const BEGIN = "<!-- results:begin (written by `deno task reproduce`; do not edit by hand) -->";
const END = "<!-- results:end -->";

/** The results section as Markdown. */
export function summaryMarkdown(
  claims: Claim[],
  timings: Record<string, number>,
  rssMiB: number,
): string {
  const rows = claims.map((c) =>
    `| ${
      c.verdict === "differs" ? "**differs**" : c.verdict
    } | ${c.where} | ${c.paper} | ${c.ours} |`
  );
  const total = Object.values(timings).reduce((a, b) => a + b, 0);
  return [
    "## Results",
    "",
    "What `deno task reproduce` printed on its last full run (a 2-core machine; " +
    `${total.toFixed(0)} s in all: ` +
    Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(", ") +
    `; peak resident memory ${rssMiB.toFixed(0)} MiB, the grid workers included: they are ` +
    "threads of the one process, each with its own copy of MNIST). " +
    "Verdicts are computed by code; a difference under 2% between the optimizers is a tie.",
    "",
    "| verdict | where | the paper says | we measured |",
    "|---|---|---|---|",
    ...rows,
    "",
    "![Figure 1, online: x_t](results/figure1_online_x.svg)",
    "![Figure 1, online: R_t/t](results/figure1_regret.svg)",
    "![Figure 1, stochastic: x_t](results/figure1_stochastic_x.svg)",
    "![Theorem 1: x_t](results/theorem1_x.svg)",
    "![Figure 2, logistic regression: training loss](results/figure2_logreg_train.svg)",
    "![Figure 2, logistic regression: test loss](results/figure2_logreg_test.svg)",
    "![Figure 2, network: training loss](results/figure2_mlp_train.svg)",
    "![Figure 2, network: test loss](results/figure2_mlp_test.svg)",
    "",
    "Each figure's data, with every setting, is in `results/*.json`; the grids' every cell is in " +
    "`results/figure2_*.json` and drawn in `results/figure2_*_grid.svg`.",
  ].join("\n");
}

/** Writes `summary.md` into `out` and replaces the README's results block. */
export async function writeSummary(out: string, readme: string, markdown: string): Promise<void> {
  await writeFile(`${out}/summary.md`, markdown + "\n");
  const text = await readFile(readme, "utf8");
  const i = text.indexOf(BEGIN);
  const j = text.indexOf(END);
  if (i < 0 || j < i) throw new Error(`${readme} has no results block (${BEGIN} … ${END})`);
  await writeFile(readme, text.slice(0, i + BEGIN.length) + "\n" + markdown + "\n" + text.slice(j));
  // Lay the tables out as `deno fmt` would, so that `deno task fmt` stays clean.
  await new Deno.Command(Deno.execPath(), { args: ["fmt", "--quiet", readme] }).output();
}
