/**
 * The README's results section, written by a full run of the main job so that
 * every number in it comes from that run: `results/summary.md`, also copied
 * into README.md between the markers below. Both are written atomically.
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import type { Claim } from "../../lib/experiments/mod.ts";
import { writeAtomic } from "./output.ts";

const BEGIN = "<!-- results:begin (written by `deno task reproduce`; do not edit by hand) -->";
const END = "<!-- results:end -->";

/** The row every run adds: Figure 2's bottom row is not reproduced here. */
export const CIFARNET_CLAIM: Claim = {
  where: "§5 (CIFAR-10); Figure 2 (bottom row), CIFARNET",
  quote: "We can see that AMSGRAD performs considerably better than ADAM on train loss and " +
    "accuracy. Furthermore, this performance gain also translates into good performance on " +
    "test loss.",
  judged: "not run: CIFAR-10 was not present for this run (it is in neither npm nor Debian); " +
    "`deno task reproduce --cifar` downloads it and runs this part",
  ours: "no numbers; notebook 05 trains the same network on a Fashion-MNIST stand-in, " +
    "which is not CIFAR-10",
  verdict: "not reproduced",
};

/** How the verdicts are decided, stated before the numbers. */
export const VERDICT_RULE = "**How a verdict is decided.** Each claim quotes the paper. A " +
  "comparison of Adam and AMSGrad is paired over seeds (seed i fixes the initialisation and the " +
  "shuffling, or the random draws, for both optimizers): we report the mean difference " +
  "AMSGrad − Adam, its 95% Student-t confidence interval, and on how many seeds AMSGrad is " +
  "lower. The verdict is **agrees** when the interval excludes 0 in the paper's direction, " +
  "**differs** when it excludes 0 the other way, and **inconclusive** when it contains 0. " +
  "Robustness to α and β2 is measured over the grid as L/L_best, against the best cell of both " +
  "optimizers (median, worst, the share of cells within 10% of L_best, paired cell wins); its " +
  "verdict rests on each seed's median ratio, paired. Deterministic problems (Figure 1 online, " +
  "Theorems 1–2) are decided by one run against the thresholds stated in the row. Rows marked " +
  "info are beyond the paper and carry no verdict.";

/** The results section as Markdown. */
export function summaryMarkdown(
  claims: Claim[],
  timings: Record<string, number>,
  rssMiB: number,
  load: string,
  cpuSeconds?: number,
): string {
  const rows = claims.map((c) => {
    const v = c.verdict === "differs" ? "**DIFFERS**" : `**${c.verdict}**`;
    // A row beyond the paper has no quotation: what it measures follows its place as a sentence.
    const head = c.verdict === "info"
      ? `- ${v}: ${c.where}. ${c.quote.charAt(0).toUpperCase()}${c.quote.slice(1)}.`
      : `- ${v}: ${c.where}\n  > “${c.quote}”`;
    return `${head}\n\n  _Judged on:_ ${c.judged}. _Ours:_ ${c.ours}.`;
  });
  const total = Object.values(timings).reduce((a, b) => a + b, 0);
  const count = (v: Claim["verdict"]) => claims.filter((c) => c.verdict === v).length;
  return [
    "## Results",
    "",
    VERDICT_RULE,
    "",
    "Figure 2 protocol: 10,000 of MNIST's 60,000 training images (the last 10,000) are held out " +
    "for validation; each optimizer's α and β2 are selected on the mean validation loss over " +
    "the seeds, and the test loss is reported once, at that cell; the training-loss view (each " +
    "optimizer at its cell with the lowest mean final training loss, what Figure 2 plots) is " +
    "judged beside it. Grids, seeds and steps are in `lib/experiments/figure2.ts` and in " +
    "`results/figure2_*.json`.",
    "",
    `What \`deno task reproduce\` printed on its last full run: ${count("agrees")} agree, ` +
    `${count("differs")} differ, ${count("inconclusive")} inconclusive, ` +
    `${count("not reproduced")} not reproduced. Wall time ${total.toFixed(0)} s on a 2-core ` +
    `machine (${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(", ")}; ${
      cpuSeconds === undefined ? "" : `${cpuSeconds.toFixed(0)} s of CPU time, `
    }load average at the start ${load}, the machine shared with other jobs); peak resident ` +
    `memory ${rssMiB.toFixed(0)} MiB.`,
    "",
    ...rows,
    "",
    "![Figure 1, online: x_t](results/figure1_online_x.svg)",
    "![Figure 1, online: R_t/t](results/figure1_regret.svg)",
    "![Figure 1, stochastic: x_t over seeds](results/figure1_stochastic_x.svg)",
    "![Theorem 1: x_t](results/theorem1_x.svg)",
    "![Theorem 3: x_t over seeds](results/theorem3_x.svg)",
    "![Figure 2, logistic regression: training loss](results/figure2_logreg_train.svg)",
    "![Figure 2, logistic regression: test loss](results/figure2_logreg_test.svg)",
    "![Figure 2, network: training loss](results/figure2_mlp_train.svg)",
    "![Figure 2, network: test loss](results/figure2_mlp_test.svg)",
    "",
    "Each figure's data, with every setting and every seed's run, is in `results/*.json`; the " +
    "grids' cells are drawn in `results/figure2_*_grid_*.svg`. `deno task reproduce --quick` " +
    "and `--only` write to `results/quick/` and `results/partial/` and leave this section alone.",
  ].join("\n");
}

/** Lays Markdown out as `deno fmt` would, so that `deno task fmt` stays clean. */
async function formatted(markdown: string): Promise<string> {
  const cmd = new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--ext", "md", "-"],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  });
  const child = cmd.spawn();
  const w = child.stdin.getWriter();
  await w.write(new TextEncoder().encode(markdown));
  await w.close();
  const out = await child.output();
  if (!out.success) throw new Error(`deno fmt failed: ${new TextDecoder().decode(out.stderr)}`);
  return new TextDecoder().decode(out.stdout);
}

/** The README with its results block replaced by `markdown` (formatted as `deno fmt` would). */
export async function readmeWith(readme: string, markdown: string): Promise<string> {
  const text = await readFile(readme, "utf8");
  const i = text.indexOf(BEGIN);
  const j = text.indexOf(END);
  if (i < 0 || j < i) throw new Error(`${readme} has no results block (${BEGIN} … ${END})`);
  return await formatted(text.slice(0, i + BEGIN.length) + "\n" + markdown + "\n" + text.slice(j));
}

/** Writes `summary.md` into `out` and the README's new results block, each atomically. */
export async function writeSummary(out: string, readme: string, markdown: string): Promise<void> {
  const next = await readmeWith(readme, markdown);
  await writeAtomic(`${out}/summary.md`, await formatted(markdown + "\n"));
  await writeAtomic(readme, next);
}
