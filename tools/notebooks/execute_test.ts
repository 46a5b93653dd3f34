import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { executeNotebook, prepareJupyter } from "./execute.ts";
import { ensureJupyterClient, missingModules, PYTHON } from "./python.ts";
import { displayCells, notebookJson } from "./_fixtures.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// Install Debian's Jupyter client when missing and allowed (root + apt); skip only without it.
await ensureJupyterClient().catch((e) => console.warn(`(${e.message})`));
const noNbclient = (await missingModules(["nbclient"])).length > 0;
if (noNbclient) console.warn(`SKIPPED: ${PYTHON} has no nbclient, so no notebook can be executed`);
else await prepareJupyter();

type Output = { output_type: string; data?: Record<string, unknown>; text?: string | string[] };
// nbformat stores multi-line strings as arrays of lines; join them back.
const joined = (v: unknown) => (Array.isArray(v) ? v.join("") : v);
const tidy = (o: Output) => ({
  output_type: o.output_type,
  ...(o.data
    ? { data: Object.fromEntries(Object.entries(o.data).map(([k, v]) => [k, joined(v)])) }
    : {}),
  ...(o.text !== undefined ? { text: joined(o.text) } : {}),
});

Deno.test({
  name: "no output is lost: 36 display cells, executed 3 times, give exactly the expected outputs",
  ignore: noNbclient,
  async fn() {
    const dir = await Deno.makeTempDir();
    const cells = displayCells(36);
    await Deno.writeTextFile(join(dir, "many.ipynb"), notebookJson(cells));
    let late = 0;
    for (let run = 1; run <= 3; run++) {
      const out = join(dir, `run${run}.ipynb`);
      const r = await executeNotebook(join(dir, "many.ipynb"), out);
      assert.ok(r.ok, `run ${run}: ${r.where}: ${r.message}`);
      late += r.lateMessages ?? 0;
      const nb = JSON.parse(await Deno.readTextFile(out));
      nb.cells.forEach((cell: { outputs: Output[] }, i: number) => {
        assert.deepEqual(cell.outputs.map(tidy), cells[i]!.expected, `run ${run}, cell ${i + 1}`);
      });
    }
    console.log(`outputs that arrived after their cell's idle and were kept: ${late}`);
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test({
  name: "the kernel is this deno, env vars reach it, a lib/plot chart is one PNG+SVG bundle, " +
    "re-runs are byte-identical",
  ignore: noNbclient,
  async fn() {
    const dir = await Deno.makeTempDir();
    const plot = new URL("../../lib/plot/mod.ts", import.meta.url).href;
    await Deno.writeTextFile(
      join(dir, "plot.ipynb"),
      notebookJson([
        {
          source:
            `console.log(Deno.env.get("AMSGRAD_QUICK") + "/" + Deno.env.get("NB_TEST_VALUE"), Deno.execPath())`,
        },
        {
          source: `import { lineChart } from "${plot}";\n` +
            `lineChart([1, 2, 3].map((t) => ({ t, y: 1 / t })), { x: "t", y: "y" })`,
          tags: ["plot"],
        },
        {
          source: `import { display } from "${plot}";\n` +
            `await display(lineChart([{ t: 1, y: 1 }, { t: 2, y: 3 }], { x: "t", y: "y" }));`,
          tags: ["plot"],
        },
      ]),
    );
    const env = { AMSGRAD_QUICK: "1", NB_TEST_VALUE: "seen" };
    const outs = [join(dir, "a.ipynb"), join(dir, "b.ipynb")];
    for (const out of outs) {
      // cwd = the repository, so the kernel finds deno.json's import map for lib/plot's npm imports
      const r = await executeNotebook(join(dir, "plot.ipynb"), out, { env, cwd: ROOT });
      assert.ok(r.ok, `${r.where}: ${r.message}`);
    }
    const [a, b] = await Promise.all(outs.map((p) => Deno.readTextFile(p)));
    assert.equal(a, b, "re-running gives a byte-identical notebook");
    const nb = JSON.parse(a!);
    const printed = joined(nb.cells[0].outputs[0].text);
    assert.equal(printed, `1/seen ${Deno.execPath()}\n`, "the kernel is this very deno");
    for (const cell of [nb.cells[1], nb.cells[2]]) {
      const charts = cell.outputs as Output[];
      assert.equal(charts.length, 1, "one display output for the chart");
      const data = charts[0]!.data!;
      const svg = joined(data["image/svg+xml"]) as string;
      assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(joined(data["image/png"]) as string, /^iVBORw0KGgo/, "a base64 PNG");
      assert.equal(data["text/html"], undefined, "no HTML twin");
    }
    const shown = nb.cells[2].outputs[0];
    assert.deepEqual(shown.metadata, {
      "image/png": { width: 640, height: shown.metadata["image/png"].height },
    });
    assert.ok(!("execution" in nb.cells[1].metadata), "no timing metadata");
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test({
  name: "a failing cell fails the notebook, names the cell and the error, and writes no output",
  ignore: noNbclient,
  async fn() {
    const dir = await Deno.makeTempDir();
    await Deno.writeTextFile(
      join(dir, "bad.ipynb"),
      notebookJson([{ source: "1" }, { source: "const x = 2;" }, {
        source: 'throw new RangeError("beta1 too large")',
      }, { source: "4" }]),
    );
    const out = join(dir, "out.ipynb");
    const r = await executeNotebook(join(dir, "bad.ipynb"), out);
    assert.equal(r.ok, false);
    assert.equal(r.where, 'cell 3/4 (`throw new RangeError("beta1 too large")`)');
    assert.match(r.message ?? "", /RangeError: beta1 too large/);
    await assert.rejects(() => Deno.stat(out), Deno.errors.NotFound);
    assert.ok(r.partial, "the partial notebook is kept for inspection");
    await Deno.remove(dirname(r.partial), { recursive: true });
    await Deno.remove(dir, { recursive: true });
  },
});
