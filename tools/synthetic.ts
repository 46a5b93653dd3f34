/**
 * `deno task synthetic`: one synthetic experiment of the paper from flags.
 *
 * @module
 */
import {
  box,
  byName,
  figure1Online,
  figure1Stochastic,
  type OnlineProblem,
  runOnline,
  theorem1,
  theorem1Beta2,
} from "../lib/mod.ts";
import { choice, int, num, parseFlags, runCli, seed, UsageError } from "./_cli.ts";

const USAGE = `usage: deno task synthetic [flags]

  --problem online|stochastic|theorem1   (default online)
      online:     f_t(x) = 1010x if t mod 101 = 1, else -10x   (Figure 1)
      stochastic: f_t(x) = 1010x with probability 0.01, else -10x
      theorem1:   f_t(x) = Cx if t mod 3 = 1, else -x
  --steps N          rounds T (default 1000000)
  --alpha A          base step size (default 0.5)
  --schedule constant|invsqrt   alpha_t = alpha or alpha/sqrt(t) (default invsqrt)
  --beta1 B1         (default 0.9; theorem1: 0)
  --beta2 B2         (default 0.99; theorem1: 1/(1+C^2))
  --eps E            (default 1e-8, outside the square root)
  --x1 X             starting point in [-1, 1] (default 0; theorem1: 1)
  --C C              theorem1's constant, > 2 (default 3)
  --seed S           stochastic problem's seed (default 0)
  --optimizers a,b   comma-separated (default adam,amsgrad)
  --variant V        paper|pytorch|keras|optax (default paper)
  --json             print one JSON object instead of a table`;

await runCli(USAGE, () => {
  const { values, positionals } = parseFlags(Deno.args, {
    problem: { type: "string" },
    steps: { type: "string" },
    alpha: { type: "string" },
    schedule: { type: "string" },
    beta1: { type: "string" },
    beta2: { type: "string" },
    eps: { type: "string" },
    x1: { type: "string" },
    C: { type: "string" },
    seed: { type: "string" },
    optimizers: { type: "string" },
    variant: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const problemName = choice(
    values,
    "problem",
    ["online", "stochastic", "theorem1"] as const,
    "online",
  );
  const C = num(values, "C", 3);
  const t1 = problemName === "theorem1";
  const settings = {
    problem: problemName,
    steps: int(values, "steps", 1_000_000),
    alpha: num(values, "alpha", 0.5),
    schedule: choice(values, "schedule", ["constant", "invsqrt"] as const, "invsqrt"),
    beta1: num(values, "beta1", t1 ? 0 : 0.9),
    beta2: num(values, "beta2", t1 ? theorem1Beta2(C) : 0.99),
    eps: num(values, "eps", 1e-8),
    x1: num(values, "x1", t1 ? 1 : 0),
    C: t1 ? C : undefined,
    seed: seed(values, "seed", 0),
    optimizers: String(values.optimizers ?? "adam,amsgrad").split(",").map((s) => s.trim()).filter(
      Boolean,
    ),
    variant: choice(values, "variant", ["paper", "pytorch", "keras", "optax"] as const, "paper"),
  };
  const problem: OnlineProblem = t1
    ? theorem1(C)
    : problemName === "online"
    ? figure1Online()
    : figure1Stochastic(settings.seed);
  const final: Record<string, { x: number; avgRegret: number }> = {};
  for (const name of settings.optimizers) {
    const opt = byName(name, {
      alpha: settings.alpha,
      schedule: settings.schedule,
      beta1: settings.beta1,
      beta2: settings.beta2,
      eps: settings.eps,
      variant: settings.variant,
      projection: box(-1, 1),
    });
    const r = runOnline(problem, opt, {
      steps: settings.steps,
      x1: settings.x1,
      points: 2,
      trackGamma: false,
    });
    final[name] = { x: r.xFinal, avgRegret: r.avgRegret };
  }
  if (values.json) {
    console.log(JSON.stringify({ settings, final }));
    return;
  }
  console.log(
    `problem ${problem.name}, T = ${settings.steps}, α = ${settings.alpha} (${settings.schedule})`,
  );
  for (const [name, f] of Object.entries(final)) {
    console.log(
      `${name.padEnd(10)} x_T = ${f.x.toFixed(6).padStart(10)}   R_T/T = ${f.avgRegret.toFixed(6)}`,
    );
  }
});
