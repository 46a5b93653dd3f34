/**
 * Debian's Python and the Jupyter client it needs (nbclient, nbformat,
 * jupyter_client; nbconvert for HTML export). On a fresh machine with root and
 * apt, the missing Debian packages are installed; `apt-get update` runs only
 * when an install is needed and the first attempt fails.
 *
 * @module
 */

/** Debian's own Python (a pyenv `python3` may come earlier on PATH; it is not used). */
export const PYTHON = "/usr/bin/python3";

/** Python module → the Debian package that provides it (dependencies come along). */
const PACKAGES: Record<string, string> = {
  nbclient: "python3-nbclient",
  nbformat: "python3-nbformat",
  jupyter_client: "python3-jupyter-client",
  nbconvert: "python3-nbconvert",
};

async function run(cmd: string, args: string[], quiet = false): Promise<boolean> {
  try {
    const out = await new Deno.Command(cmd, {
      args,
      stdin: "null",
      stdout: quiet ? "null" : "inherit",
      stderr: quiet ? "null" : "inherit",
      env: { DEBIAN_FRONTEND: "noninteractive" },
    }).output();
    return out.success;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

/**
 * The modules that `/usr/bin/python3` cannot import (all of them when there is no such Python).
 *
 * @param modules Python module names
 * @returns the missing ones, in the given order
 */
export async function missingModules(modules: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const m of modules) {
    if (!(await run(PYTHON, ["-c", `import ${m}`], true))) missing.push(m);
  }
  return missing;
}

/**
 * Make sure Debian's Python can run notebooks (and, with `html`, export them),
 * installing the Debian packages when they are missing.
 *
 * @param options `html`: also nbconvert; `install`: allow apt-get (default true)
 * @throws Error naming the missing modules and the command that would install them
 */
export async function ensureJupyterClient(
  options: { html?: boolean; install?: boolean } = {},
): Promise<void> {
  const modules = [
    "nbclient",
    "nbformat",
    "jupyter_client",
    ...(options.html ? ["nbconvert"] : []),
  ];
  const missing = await missingModules(modules);
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((m) => PACKAGES[m]!))];
  const command = `apt-get install -y --no-install-recommends ${packages.join(" ")}`;
  const why = `${PYTHON} cannot import ${missing.join(", ")}`;
  if (options.install === false || Deno.uid() !== 0) {
    throw new Error(`${why}; install the Debian packages as root: ${command}`);
  }
  console.error(`${why}: installing ${packages.join(" ")} from Debian`);
  const args = ["install", "-y", "--no-install-recommends", ...packages];
  if (
    !(await run("apt-get", args)) &&
    !(await run("apt-get", ["update"]) && await run("apt-get", args))
  ) {
    throw new Error(`${why}, and \`${command}\` failed (see apt's output above)`);
  }
  const still = await missingModules(modules);
  if (still.length > 0) {
    throw new Error(
      `after installing ${packages.join(" ")}, ${PYTHON} still cannot import ${still.join(", ")}`,
    );
  }
}
