/**
 * The `deno` Jupyter kernelspec. `deno jupyter --install` writes
 * `$XDG_DATA_HOME/jupyter/kernels/<name>/kernel.json` (default
 * `~/.local/share/...`) whose argv pins the ABSOLUTE path of the deno binary
 * that ran it (or the PATH entry that resolves to the same file, e.g.
 * /usr/bin/deno); a deno from the npx cache moves, so the spec is rewritten
 * whenever it resolves to another binary than the one running this code.
 *
 * @module
 */

import { join } from "node:path";

/** Where `deno jupyter --install --name <name>` writes its kernel.json. */
export function kernelJsonPath(name = "deno"): string {
  const home = Deno.env.get("HOME");
  const data = Deno.env.get("XDG_DATA_HOME") || (home ? join(home, ".local", "share") : undefined);
  if (!data) {
    throw new Error("neither XDG_DATA_HOME nor HOME is set; cannot locate Jupyter kernelspecs");
  }
  return join(data, "jupyter", "kernels", name, "kernel.json");
}

/** The deno binary a kernelspec runs, or undefined when there is none (or it is unreadable). */
export async function kernelspecDeno(name = "deno"): Promise<string | undefined> {
  try {
    const spec = JSON.parse(await Deno.readTextFile(kernelJsonPath(name)));
    return Array.isArray(spec.argv) && typeof spec.argv[0] === "string" ? spec.argv[0] : undefined;
  } catch {
    return undefined;
  }
}

async function sameFile(a: string | undefined, b: string): Promise<boolean> {
  if (a === undefined) return false;
  try {
    return (await Deno.realPath(a)) === (await Deno.realPath(b));
  } catch {
    return false;
  }
}

/**
 * Install the kernelspec unless it already runs `deno` (idempotent).
 *
 * @param options `deno`: the binary to pin (default `Deno.execPath()`); `name` (default "deno")
 * @returns true when the spec was (re)written
 */
export async function ensureKernelspec(
  options: { deno?: string; name?: string } = {},
): Promise<boolean> {
  const deno = options.deno ?? Deno.execPath(), name = options.name ?? "deno";
  if (await sameFile(await kernelspecDeno(name), deno)) return false;
  const out = await new Deno.Command(deno, {
    args: ["jupyter", "--install", "--force", "--name", name],
    stdin: "null",
  }).output();
  const installed = await kernelspecDeno(name);
  // Judge by the result, not the exit code: a concurrent install of the same spec may race ours.
  if (!(await sameFile(installed, deno))) {
    throw new Error(
      `\`${deno} jupyter --install --force --name ${name}\` did not install a kernelspec running ${deno} ` +
        `at ${kernelJsonPath(name)} (found ${installed ?? "none"}):\n${
          new TextDecoder().decode(out.stderr)
        }`,
    );
  }
  return true;
}
