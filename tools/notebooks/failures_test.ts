import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { executeNotebook, prepareJupyter } from "./execute.ts";
import { ensureJupyterClient, missingModules } from "./python.ts";
import { notebookJson } from "./_fixtures.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
await ensureJupyterClient().catch((e) => console.warn(`(${e.message})`));
const noNbclient = (await missingModules(["nbclient"])).length > 0;
if (!noNbclient) await prepareJupyter();

async function run(cells: string[], timeoutSeconds?: number) {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(
    join(dir, "nb.ipynb"),
    notebookJson(cells.map((source) => ({ source }))),
  );
  const r = await executeNotebook(join(dir, "nb.ipynb"), join(dir, "out.ipynb"), {
    timeoutSeconds,
  });
  if (r.partial) await Deno.remove(dirname(r.partial), { recursive: true });
  await Deno.remove(dir, { recursive: true });
  return r;
}

Deno.test({
  name:
    "an error thrown in a setTimeout callback fails the notebook, at the cell that scheduled it",
  ignore: noNbclient,
  async fn() {
    const r = await run([
      "1",
      'setTimeout(() => { throw new Error("late boom"); }, 10);',
      "await new Promise((r) => setTimeout(r, 200));",
    ]);
    assert.equal(r.ok, false);
    assert.match(r.where ?? "", /^cell [23]\/3/);
    assert.match(
      r.message ?? "",
      /AsynchronousError: uncaught error in a callback: Error: late boom/,
    );
  },
});

Deno.test({
  name: "an unhandled promise rejection fails the notebook, naming the cell",
  ignore: noNbclient,
  async fn() {
    const r = await run(["1", 'Promise.reject(new RangeError("nobody awaited me"));', "3"]);
    assert.equal(r.ok, false);
    assert.equal(r.where, 'cell 2/3 (`Promise.reject(new RangeError("nobody awaited me"));`)');
    assert.match(r.message ?? "", /unhandled promise rejection: RangeError: nobody awaited me/);
  },
});

Deno.test({
  name: "an error after the last cell has finished still fails the notebook",
  ignore: noNbclient,
  async fn() {
    const r = await run(['setTimeout(() => { throw new Error("after the end"); }, 300);']);
    assert.equal(r.ok, false);
    assert.match(r.message ?? "", /Error: after the end/);
  },
});

Deno.test({
  name: "a cell over the time limit fails the notebook, naming the cell",
  ignore: noNbclient,
  async fn() {
    const r = await run(["1", "await new Promise((r) => setTimeout(r, 60_000));"], 3);
    assert.equal(r.ok, false);
    assert.equal(r.where, "cell 2/2 (`await new Promise((r) => setTimeout(r, 60_000));`)");
    assert.match(r.message ?? "", /timed out|Timeout/i);
    assert.ok(r.seconds < 45, `stopped after ${r.seconds.toFixed(1)} s`);
  },
});

/** Pids of processes whose environment holds `KEY=value`. */
function processesWith(key: string, value: string): number[] {
  const pids: number[] = [];
  for (const e of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(e.name)) continue;
    try {
      const env = Deno.readTextFileSync(`/proc/${e.name}/environ`).split("\0");
      if (env.includes(`${key}=${value}`)) pids.push(Number(e.name));
    } catch { /* gone, or not ours to read */ }
  }
  return pids;
}

Deno.test({
  name: "killing the runner (SIGKILL) takes its kernel down with it",
  ignore: noNbclient || Deno.build.os !== "linux",
  async fn() {
    const dir = await Deno.makeTempDir();
    const mark = crypto.randomUUID(), started = join(dir, "started");
    await Deno.writeTextFile(
      join(dir, "slow.ipynb"),
      notebookJson([{
        source: `Deno.writeTextFileSync(${JSON.stringify(started)}, "yes");\n` +
          "await new Promise((r) => setTimeout(r, 120_000));",
      }]),
    );
    const runner = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", join(ROOT, "tools/notebooks/main.ts"), "--out", join(dir, "o.ipynb")]
        .concat(["--env", `NB_KILL_MARK=${mark}`, join(dir, "slow.ipynb")]),
      stdout: "null",
      stderr: "null",
    }).spawn();
    try {
      const until = Date.now() + 60_000;
      while (!(await Deno.stat(started).then(() => true, () => false))) {
        assert.ok(Date.now() < until, "the kernel never ran the cell");
        await new Promise((r) => setTimeout(r, 200));
      }
      const before = processesWith("NB_KILL_MARK", mark);
      assert.ok(before.length >= 2, `the executor and the kernel run (pids ${before})`);
      runner.kill("SIGKILL");
      await runner.status;
      const end = Date.now() + 15_000;
      let left = before;
      while (left.length > 0 && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 250));
        left = processesWith("NB_KILL_MARK", mark);
      }
      assert.deepEqual(left, [], "no process of the run outlives the runner");
    } finally {
      for (const pid of processesWith("NB_KILL_MARK", mark)) Deno.kill(pid, "SIGKILL");
      await Deno.remove(dir, { recursive: true });
    }
  },
});
