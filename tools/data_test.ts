import assert from "node:assert/strict";

const script = new URL("./data.ts", import.meta.url).pathname;

async function cli(args: string[], env: Record<string, string> = {}) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script, ...args],
    env,
  }).output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

Deno.test("data verify --json reports the source, digests, sizes, label counts and memory", async () => {
  const r = await cli(["verify", "--dataset", "mnist", "--json"], { MNIST_DATA_DIR: "" });
  assert.equal(r.code, 0, r.stderr);
  const { results, rssMB } = JSON.parse(r.stdout);
  assert.equal(results.length, 1);
  assert.equal(results[0].dataset, "mnist");
  assert.equal(results[0].files.length, 4);
  assert.equal(results[0].train.count, 60000);
  assert.deepEqual(results[0].test.labelCounts, [
    980,
    1135,
    1032,
    1010,
    982,
    892,
    958,
    1028,
    974,
    1009,
  ]);
  assert.ok(rssMB > 0);
});

Deno.test("data verify --data-dir with a wrong file fails with the checksum, exit 1", async () => {
  const dir = await Deno.makeTempDir({ prefix: "mnist-cli-" });
  try {
    for (
      const n of ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte"]
    ) {
      await Deno.writeFile(`${dir}/${n}`, new Uint8Array([0, 0, 8, 1, 0, 0, 0, 1, 3]));
    }
    const r = await cli(["verify", "--data-dir", dir]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /checksum mismatch for train-images-idx3-ubyte from /);
    assert.match(r.stderr, /expected SHA-256 ba891046e6505d7a/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("data: a bad command or flag prints the usage and exits with 2", async () => {
  for (const args of [[], ["fetch"], ["verify", "--bogus"], ["verify", "--dataset", "cifar"]]) {
    const r = await cli(args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, /usage: deno run -A tools\/data\.ts verify/);
  }
});
