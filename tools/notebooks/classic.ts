/**
 * The classic Jupyter Notebook server (Debian's `jupyter-notebook`, Notebook 6)
 * on 127.0.0.1, serving a folder of notebooks UNTRUSTED: it runs with a fresh
 * Jupyter data directory, so no notebook signature from this machine is known
 * to it, exactly as for a reader who has just cloned the repository.
 *
 * @module
 */

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** A running server. */
export interface ClassicServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Stop the server (its kernels are shut down with it) and remove its data directory. */
  stop(): Promise<void>;
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/**
 * Start `jupyter-notebook` on `folder`, with no token, and wait until it answers.
 *
 * @param folder the notebooks' folder (the server's root)
 * @returns the server
 * @throws Error when it does not answer within 60 s
 */
export async function startClassicServer(folder: string): Promise<ClassicServer> {
  const data = await Deno.makeTempDir({ prefix: "jupyter-data-" });
  // A private "deno" kernelspec (so no "kernel not found" dialog) whose kernel dies with the server.
  await mkdir(join(data, "path", "kernels", "deno"), { recursive: true });
  const hasSetpriv = await Deno.stat("/usr/bin/setpriv").then(() => true, () => false);
  const setpriv = hasSetpriv ? ["/usr/bin/setpriv", "--pdeathsig", "KILL", "--"] : [];
  await writeFile(
    join(data, "path", "kernels", "deno", "kernel.json"),
    JSON.stringify({
      argv: [...setpriv, Deno.execPath(), "jupyter", "--kernel", "--conn", "{connection_file}"],
      display_name: "Deno",
      language: "typescript",
    }),
  );
  const port = freePort();
  const child = new Deno.Command("/usr/bin/jupyter-notebook", {
    args: [
      "--no-browser",
      "--allow-root",
      "--ip=127.0.0.1",
      `--port=${port}`,
      "--port-retries=0",
      "--NotebookApp.token=",
      "--NotebookApp.password=",
      `--notebook-dir=${folder}`,
    ],
    env: {
      JUPYTER_DATA_DIR: join(data, "data"),
      JUPYTER_RUNTIME_DIR: join(data, "runtime"),
      JUPYTER_CONFIG_DIR: join(data, "config"),
      JUPYTER_PATH: join(data, "path"),
    },
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).spawn();
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    // shut the kernels down through the API first; SIGTERM alone may leave them running
    const kernels = await fetch(`${url}/api/kernels`).then((r) => r.json(), () => []);
    for (const k of kernels as { id: string }[]) {
      await fetch(`${url}/api/kernels/${k.id}`, { method: "DELETE" }).then((r) => r.body?.cancel())
        .catch(() => {});
    }
    try {
      child.kill("SIGTERM");
    } catch { /* gone */ }
    const timer = setTimeout(() => {
      try {
        child.kill("SIGKILL");
      } catch { /* gone */ }
    }, 15_000);
    await child.status;
    clearTimeout(timer);
    await Deno.remove(data, { recursive: true }).catch(() => {});
  };
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    const ok = await fetch(`${url}/api`).then((r) => (r.body?.cancel(), r.ok), () => false);
    if (ok) return { url, stop };
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`jupyter-notebook did not answer on ${url} within 60 s`);
}
