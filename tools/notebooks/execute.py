"""Execute ONE notebook through a Jupyter kernel with nbclient, losing no output.

Called by tools/notebooks/execute.ts with /usr/bin/python3 (Debian's nbclient).
The last line printed on stdout is a JSON object: {"ok": true, ...} or
{"ok": false, "cell": <1-based index>, "message": ...}.

Why a subclass: the Deno kernel sometimes publishes `status: idle` BEFORE a
cell's display_data / execute_result (observed: 4 of 46 cells in one test). Stock nbclient stops
reading at idle and drops whatever follows for that cell. Here every IOPub
message is routed by its parent msg_id to the cell that produced it, whenever it
arrives, and after the last cell IOPub is drained until it has been quiet for
`--quiet` seconds. Nothing is dropped and no per-cell delay is added.

With --deno, the kernel is started from a private kernelspec that runs exactly
that binary, so concurrent runs with different deno binaries cannot interfere.
That kernel is started under `setpriv --pdeathsig KILL` (util-linux) and this
script exits when its own parent (the Deno runner) goes away: killing the runner
takes the kernel down with it, instead of leaving it running.

Asynchronous errors fail the notebook: before the first cell a hidden cell
installs `error` and `unhandledrejection` listeners in the kernel (the Deno
kernel otherwise drops an error thrown in a `setTimeout`, or a rejection nobody
awaits, without a word), and after every cell a hidden check raises what they
caught, attributed to that cell.
"""

import argparse
import asyncio
import json
import os
import queue
import re
import shutil
import sys
import tempfile
import threading
import time

import nbformat
from nbformat.sign import NotebookNotary
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellControlSignal, CellExecutionComplete, CellExecutionError
from nbclient.util import ensure_async

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

# Runs hidden before the first cell: record errors that escape every cell's own code.
PRELUDE = r"""
if (!globalThis.__notebookAsyncErrors) {
  const errors = (globalThis.__notebookAsyncErrors = []);
  const note = (kind, e) => {
    const text = `${kind}: ${e?.stack ?? e}`;
    errors.push(text);
    console.error(text);
  };
  globalThis.addEventListener("error", (ev) => {
    ev.preventDefault();
    note("uncaught error in a callback", ev.error ?? ev.message);
  });
  globalThis.addEventListener("unhandledrejection", (ev) => {
    ev.preventDefault();
    note("unhandled promise rejection", ev.reason);
  });
}
"""

# Runs hidden after every cell: raise what the listeners caught since the last check.
CHECK = r"""{
  const caught = globalThis.__notebookAsyncErrors?.splice(0) ?? [];
  if (caught.length > 0) {
    const e = new Error(caught.join("\n"));
    e.name = "AsynchronousError";
    throw e;
  }
}"""


class RoutingClient(NotebookClient):
    """A NotebookClient that routes late IOPub messages to the cell they belong to."""

    def __init__(self, nb, quiet: float, **kw):
        super().__init__(nb, **kw)
        self.quiet = quiet
        self.cells_by_msg_id = {}
        self.late_messages = 0
        self.current_index = None
        self.prelude_done = False

    def _route(self, msg, current_id):
        """Process msg for its own cell; True when it is the current cell's idle."""
        parent_id = msg["parent_header"].get("msg_id")
        target = self.cells_by_msg_id.get(parent_id)
        if target is None:
            return False
        cell, index = target
        if parent_id != current_id:
            self.late_messages += 1
        try:
            self.process_message(msg, cell, index)
        except CellExecutionComplete:
            return parent_id == current_id
        return False

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        self.cells_by_msg_id[parent_msg_id] = (cell, cell_index)
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            if self._route(msg, parent_msg_id):
                return

    async def drain(self):
        """Read IOPub until it has been silent for self.quiet seconds (30 s at most)."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=self.quiet))
            except queue.Empty:
                return
            self._route(msg, None)

    async def hidden(self, source, cell_index):
        """Run code in the kernel outside the notebook; its error is added to cell_index."""
        cell, real = nbformat.v4.new_code_cell(source), self.nb.cells[cell_index]
        try:
            await NotebookClient.async_execute_cell(self, cell, cell_index, store_history=False)
        except CellControlSignal:
            if real.cell_type == "code":
                real.outputs.extend(o for o in cell.outputs if o.output_type == "error")
            raise
        finally:
            self.nb.cells[cell_index] = real  # nbclient stores the cell it ran at that index

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        self.current_index = cell_index
        if not self.prelude_done:
            await self.hidden(PRELUDE, cell_index)
            self.prelude_done = True
        try:
            result = await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        except CellControlSignal:
            await self.drain()  # the failing cell's own outputs may still be in flight
            raise
        last = cell_index == len(self.nb.cells) - 1
        if last:
            await self.drain()
        if cell.cell_type == "code" or last:
            await self.hidden(CHECK, cell_index)
        return result


def canonical_order(outputs):
    """Results last: a cell's value is produced after its synchronous code ran, so
    an execute_result or error that won the race over a display is moved back."""
    rank = {"execute_result": 1, "error": 2}
    return sorted(outputs, key=lambda o: rank.get(o.get("output_type"), 0))


def make_stable(nb, kernel_name):
    """Drop what changes on every run (timings, widget state) so diffs stay quiet."""
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("papermill", None)
    nb.metadata["kernelspec"] = {
        "name": kernel_name,
        "display_name": "Deno",
        "language": "typescript",
    }
    count = 0  # the hidden cells took execution numbers too: number the notebook's own 1, 2, ...
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        if cell.cell_type == "code":
            if cell.get("execution_count") is not None:
                count += 1
                cell.execution_count = count
                for out in cell.outputs:
                    if "execution_count" in out:
                        out.execution_count = count
            cell.outputs = canonical_order(cell.outputs)
            for out in cell.outputs:
                out.get("metadata", {}).pop("execution", None)


def describe(nb, index):
    """'cell 7/12 (`first line`)' — 1-based, counting markdown cells too."""
    lines = [line for line in nb.cells[index].source.splitlines() if line.strip()]
    first = lines[0].strip()[:70] if lines else ""
    return f"cell {index + 1}/{len(nb.cells)} (`{first}`)"


def private_kernelspec(kernel_name, deno):
    """A kernelspec running exactly `deno`, first on JUPYTER_PATH for this process.

    The user's spec (from `deno jupyter --install`) is shared: another run with
    another deno binary (an npx cache, a PATH install) may rewrite it mid-run.
    This one is ours alone; its argv is what `deno jupyter --install` writes."""
    root = tempfile.mkdtemp(prefix="deno-kernelspec-")
    os.makedirs(os.path.join(root, "kernels", kernel_name))
    # the kernel gets SIGKILL when this process dies, however it dies
    setpriv = ["/usr/bin/setpriv", "--pdeathsig", "KILL", "--"] if os.path.exists("/usr/bin/setpriv") else []
    with open(os.path.join(root, "kernels", kernel_name, "kernel.json"), "w") as f:
        json.dump({
            "argv": [*setpriv, deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
            "display_name": "Deno",
            "language": "typescript",
        }, f)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [root, os.environ.get("JUPYTER_PATH")]))
    return root


def check_kernelspec(kernel_name):
    try:
        KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel:
        return f"no Jupyter kernelspec named '{kernel_name}'; expected one from `deno jupyter --install`"
    return None


def exit_with_parent():
    """Exit (and so kill the kernel) as soon as the process that started us is gone."""
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(3)

    threading.Thread(target=watch, daemon=True).start()


def main():
    exit_with_parent()
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--input", required=True)
    p.add_argument("--output", required=True)
    p.add_argument("--cwd", required=True, help="the kernel's working directory")
    p.add_argument("--kernel", default="deno")
    p.add_argument("--deno", default="", help="run this deno (else the installed kernelspec)")
    p.add_argument("--timeout", type=float, default=-1, help="seconds per cell; < 0: none")
    p.add_argument("--quiet", type=float, default=1.0, help="IOPub silence that ends the drain")
    p.add_argument("--sign", action="store_true", help="mark the output trusted (nbformat.sign)")
    a = p.parse_args()

    spec_dir = private_kernelspec(a.kernel, a.deno) if a.deno else None
    try:
        return run(a)
    finally:
        if spec_dir:
            shutil.rmtree(spec_dir, ignore_errors=True)


def run(a):
    problem = check_kernelspec(a.kernel)
    if problem:
        print(json.dumps({"ok": False, "cell": None, "message": problem}))
        return 1
    try:
        nb = nbformat.read(a.input, as_version=4)
    except Exception as e:
        print(json.dumps({"ok": False, "cell": None, "message": f"cannot read the notebook: {e}"}))
        return 1
    client = RoutingClient(
        nb,
        quiet=a.quiet,
        kernel_name=a.kernel,
        timeout=None if a.timeout < 0 else int(a.timeout),
        record_timing=False,
        resources={"metadata": {"path": a.cwd}},
    )
    failure = None
    try:
        asyncio.run(client.async_execute())
    except CellExecutionError as e:
        detail = "" if e.ename == "AsynchronousError" else f"\n{e.traceback}"  # not the hidden check
        failure = {"message": ANSI.sub("", f"{e.ename}: {e.evalue}{detail}")}
    except Exception as e:  # a dead kernel, a timeout, a kernel that would not start
        failure = {"message": ANSI.sub("", f"{type(e).__name__}: {e}")}
    if failure is not None:
        index = client.current_index
        failure.update(ok=False, cell=None if index is None else index + 1)
        if index is not None:
            failure["where"] = describe(nb, index)
    make_stable(nb, a.kernel)
    os.makedirs(os.path.dirname(os.path.abspath(a.output)), exist_ok=True)
    nbformat.write(nb, a.output)
    if a.sign and failure is None:
        try:
            NotebookNotary().sign(nb)
        except Exception as e:  # trust is a convenience; never fail a run over it
            print(f"warning: could not mark {a.output} trusted: {e}", file=sys.stderr)
    if failure is not None:
        print(json.dumps(failure))
        return 1
    print(json.dumps({"ok": True, "late_messages": client.late_messages}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
