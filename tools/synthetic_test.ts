import assert from "node:assert/strict";

const script = new URL("./synthetic.ts", import.meta.url).pathname;

async function cli(...args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), { args: ["run", "-A", script, ...args] })
    .output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

Deno.test("synthetic --json prints settings and each optimizer's x_T and R_T/T", async () => {
  const r = await cli("--problem", "theorem1", "--steps", "3000", "--alpha", "0.5", "--json");
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.settings.problem, "theorem1");
  assert.equal(out.settings.beta1, 0);
  assert.equal(out.settings.beta2, 1 / 10);
  assert.equal(out.final.adam.x, 1);
  assert.ok(out.final.amsgrad.x < -0.9);
  assert.ok(out.final.adam.avgRegret > out.final.amsgrad.avgRegret);
});

Deno.test("synthetic: a bad flag prints the usage and exits with 2", async () => {
  for (const args of [["--bogus"], ["--steps", "abc"], ["--problem", "nope"], ["--beta1", "1.5"]]) {
    const r = await cli(...args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, /usage: deno task synthetic/);
  }
});
