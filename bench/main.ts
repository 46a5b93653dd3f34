/**
 * `deno task bench`: speed of the library against references measured in the
 * same run, printed as "ours vs reference = ratio" lines. Nothing here asserts a
 * time; the numbers are for reading.
 *
 * To add a section: write `bench/<name>.ts` exporting `run(): Promise<void>`
 * (print with `report()` from `_report.ts`), then add ONE line to
 * {@link SECTIONS} below: `["<title>", () => import("./<name>.ts")],`.
 * Keep a section under ~15 s; the whole bench should stay under a minute.
 *
 * Usage: `deno task bench [substring…]` runs the sections whose title contains
 * one of the substrings (all of them when none is given).
 *
 * @module
 */
import { header } from "./_report.ts";
import { parseFlags, runCli, UsageError } from "../tools/_cli.ts";

/** A section: its title and a lazy import of its module. */
type Section = readonly [title: string, load: () => Promise<{ run(): Promise<void> }>];

/** Every section, in the order they run. One line each. */
export const SECTIONS: readonly Section[] = [
  ["generic step, 1-D online problem", () => import("./online_1d.ts")],
  ["generic step, 10M Float32 parameters", () => import("./large.ts")],
  ["PyTorch Adam(amsgrad=True)", () => import("./pytorch_amsgrad.ts")],
  ["MNIST training step vs PyTorch, matmul vs naive", () => import("./train_step.ts")],
  ["dense-input MLP and CIFARNET steps vs PyTorch on OpenBLAS", () => import("./cifarnet_step.ts")],
  ["CIFARNET layers one by one, forward and backward", () => import("./cifarnet_layers.ts")],
];

/** The usage text, with every section's title. */
export const USAGE = `usage: deno task bench [--help] [substring…]

Runs the sections whose title contains one of the substrings (case-insensitive),
or all of them when none is given:
${SECTIONS.map(([title]) => `  ${title}`).join("\n")}`;

/** The sections that `args` choose; a flag other than --help, or a filter that matches nothing, is a UsageError. */
export function choose(args: string[]): readonly Section[] | "help" {
  const { values, positionals } = parseFlags(args, { help: { type: "boolean", short: "h" } });
  if (values.help) return "help";
  const filters = positionals.map((a) => a.toLowerCase());
  for (const f of filters) {
    if (!SECTIONS.some(([title]) => title.toLowerCase().includes(f))) {
      throw new UsageError(`no section's title contains "${f}"`);
    }
  }
  return SECTIONS.filter(([title]) =>
    filters.length === 0 || filters.some((f) => title.toLowerCase().includes(f))
  );
}

if (import.meta.main) {
  await runCli(USAGE, main);
}

async function main(): Promise<void> {
  const chosen = choose(Deno.args);
  if (chosen === "help") {
    console.log(USAGE);
    return;
  }
  console.log(header());
  for (const [title, load] of chosen) {
    console.log(`\n## ${title}`);
    const start = performance.now();
    await (await load()).run();
    console.log(`(section took ${((performance.now() - start) / 1000).toFixed(1)} s)`);
  }
}
