import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { main } from "./main.ts";
import { ensureJupyterClient, missingModules, PYTHON } from "./python.ts";
import { notebookJson } from "./_fixtures.ts";

await ensureJupyterClient().catch((e) => console.warn(`(${e.message})`));
const noNbclient = (await missingModules(["nbclient"])).length > 0;
if (noNbclient) console.warn(`SKIPPED: ${PYTHON} has no nbclient, so no notebook can be executed`);

/** Run main() and capture what it prints. */
async function runMain(argv: string[]): Promise<{ code: number; printed: string }> {
  const lines: string[] = [], log = console.log;
  console.log = (...a: unknown[]) => void lines.push(a.join(" "));
  try {
    return { code: await main(argv), printed: lines.join("\n") };
  } finally {
    console.log = log;
  }
}

const svgCell = {
  source: `await Deno.jupyter.display({ "image/png": "iVBORw0KGgo=", ` +
    `"image/svg+xml": '<svg xmlns="http://www.w3.org/2000/svg"/>' }, { raw: true });`,
  tags: ["plot"],
};

Deno.test({
  name:
    "--quick --into-temp runs a copy with AMSGRAD_QUICK=1, checks it, leaves the notebook untouched",
  ignore: noNbclient,
  async fn() {
    const dir = await Deno.makeTempDir(), nb = join(dir, "ok.ipynb");
    const text = notebookJson([{
      source: 'if (Deno.env.get("AMSGRAD_QUICK") !== "1") throw new Error("not quick")',
    }, svgCell]);
    await Deno.writeTextFile(nb, text);
    const { code, printed } = await runMain(["--quick", "--into-temp", nb]);
    assert.equal(code, 0, printed);
    assert.match(printed, /✓ ok\.ipynb {2}\d+\.\d s/);
    assert.equal(await Deno.readTextFile(nb), text);
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test({
  name:
    "a plot cell without an SVG, or a cell error, fails the run with the notebook and cell named",
  ignore: noNbclient,
  async fn() {
    const dir = await Deno.makeTempDir();
    await Deno.writeTextFile(
      join(dir, "a.ipynb"),
      notebookJson([{ source: "1 + 1", tags: ["plot"] }]),
    );
    await Deno.writeTextFile(
      join(dir, "b.ipynb"),
      notebookJson([svgCell, { source: "undefinedName" }]),
    );
    const { code, printed } = await runMain(["--into-temp", dir]);
    assert.equal(code, 1);
    assert.match(
      printed,
      /a\.ipynb: cell 1\/1 \(`1 \+ 1`\): tagged `plot` but has no output with image\/png/,
    );
    assert.match(
      printed,
      /b\.ipynb: cell 2\/2 \(`undefinedName`\): ReferenceError: undefinedName is not defined/,
    );
    assert.match(printed, /0\/2 notebooks ran cleanly/);
    const kept = printed.match(/executed copies kept in (\S+)/)?.[1];
    await Deno.remove(kept!, { recursive: true });
    for (const [, partial] of printed.matchAll(/partial output kept at (\S+)/g)) {
      await Deno.remove(dirname(partial!), { recursive: true });
    }
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test({
  name: "--out with --env executes ONE notebook into another path",
  ignore: noNbclient,
  async fn() {
    const dir = await Deno.makeTempDir(), out = join(dir, "sub", "out.ipynb");
    await Deno.writeTextFile(
      join(dir, "in.ipynb"),
      notebookJson([{ source: 'console.log(Deno.env.get("SEED"))' }]),
    );
    const { code, printed } = await runMain([
      "--out",
      out,
      "--env",
      "SEED=42",
      join(dir, "in.ipynb"),
    ]);
    assert.equal(code, 0, printed);
    const cell = JSON.parse(await Deno.readTextFile(out)).cells[0];
    assert.deepEqual(cell.outputs, [{ name: "stdout", output_type: "stream", text: ["42\n"] }]);
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test("with no notebook to run it says so and succeeds, without starting Jupyter", async () => {
  const dir = await Deno.makeTempDir();
  const { code, printed } = await runMain([dir]);
  assert.equal(code, 0);
  assert.match(printed, /No notebooks found/);
  await Deno.remove(dir);
});
