/**
 * The command lines' user errors: one line naming the problem, exit code 2 for
 * usage and 1 for data or files, never a stack trace.
 *
 * @module
 */
import assert from "node:assert/strict";
import { choose } from "../bench/main.ts";
import { INPUT_ERRORS, parseFlags, seed, UsageError } from "./_cli.ts";

async function run(script: string, args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL(script, import.meta.url).pathname, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(out.stderr);
  return { code: out.code, stdout: new TextDecoder().decode(out.stdout), stderr };
}

function userError(r: { code: number; stderr: string }, code: number, what: RegExp): void {
  assert.equal(r.code, code, r.stderr);
  const first = r.stderr.split("\n")[0]!;
  assert.match(first, /^error: /, r.stderr);
  assert.match(first, what, r.stderr);
  assert.doesNotMatch(r.stderr, /Uncaught|^\s+at /m, r.stderr);
}

Deno.test("train: a seed outside [0, 2^32) is a usage error; missing data is exit 1, one message", async () => {
  userError(await run("./train.ts", ["--seed", "4294967296"]), 2, /--seed must be an integer in/);
  userError(await run("./train.ts", ["--seed=-1"]), 2, /--seed must be an integer in/);
  userError(await run("./train.ts", ["--bogus"]), 2, /unknown flag --bogus/);
  userError(await run("./train.ts", ["--threads", "0"]), 2, /--threads must be an integer ≥ 1/);
  userError(await run("./train.ts", ["--threads", "65"]), 2, /--threads must be at most 64/);
  const dir = await Deno.makeTempDir();
  try {
    userError(
      await run("./train.ts", ["--data-dir", dir, "--steps", "1"]),
      1,
      /no verified copy of mnist/,
    );
    userError(await run("./data.ts", ["verify", "--data-dir", dir]), 1, /no verified copy/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("train: the data hint's --download is a flag train takes", async () => {
  const r = await run("./train.ts", ["--help"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /--download/);
});

Deno.test("bench: --help prints the sections; an unknown flag or filter is a usage error", async () => {
  assert.equal(choose(["--help"]), "help");
  assert.ok(Array.isArray(choose(["1-D"])) && (choose(["1-D"]) as unknown[]).length === 1);
  assert.throws(() => choose(["--bogus"]), /unknown flag --bogus/);
  assert.throws(() => choose(["no such section"]), /no section's title contains/);
  userError(await run("../bench/main.ts", ["--bogus"]), 2, /unknown flag --bogus/);
  const help = await run("../bench/main.ts", ["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /usage: deno task bench/);
});

Deno.test("_cli: seeds in [0, 2^32); malformed JSON and missing files are input errors", () => {
  const { values } = parseFlags(["--seed", "4294967295"], { seed: { type: "string" } });
  assert.equal(seed(values, "seed", 0), 2 ** 32 - 1);
  for (const bad of ["4294967296", "-1", "1.5", "x"]) {
    assert.throws(() => seed({ seed: bad }, "seed", 0), UsageError, bad);
  }
  const parse = () => JSON.parse("{ not json");
  assert.throws(parse, (e: unknown) => INPUT_ERRORS.some((c) => e instanceof c));
  assert.throws(
    () => Deno.readTextFileSync("/no/such/file"),
    (e: unknown) => INPUT_ERRORS.some((c) => e instanceof c),
  );
});
