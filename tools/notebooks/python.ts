/**
 * Debian's Python and the Jupyter client it needs (nbclient, nbformat,
 * jupyter_client; nbconvert for HTML export). On a fresh machine with root and
 * apt, the missing Debian packages are installed; `apt-get update` runs only
 * when an install is needed and the first attempt fails.
 *
 * @module
 */

import { aptInstall, runCommand, withFileLock } from "../_apt.ts";

/** Debian's own Python (a pyenv `python3` may come earlier on PATH; it is not used). */
export const PYTHON = "/usr/bin/python3";

/** Python module → the Debian package that provides it (dependencies come along). */
const PACKAGES: Record<string, string> = {
  nbclient: "python3-nbclient",
  nbformat: "python3-nbformat",
  jupyter_client: "python3-jupyter-client",
  nbconvert: "python3-nbconvert",
};

/**
 * The modules that `/usr/bin/python3` cannot import (all of them when there is no such Python).
 *
 * @param modules Python module names
 * @returns the missing ones, in the given order
 */
export async function missingModules(modules: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const m of modules) {
    if (!(await runCommand(PYTHON, ["-c", `import ${m}`], true))) missing.push(m);
  }
  return missing;
}

/** Serialise installs across processes (parallel test files arrive here together). */
function withInstallLock<T>(fn: () => Promise<T>): Promise<T> {
  return withFileLock("amsgrad-jupyter-install.lock", fn);
}

/**
 * Make sure Debian's Python can run notebooks (and, with `html`, export them),
 * installing the Debian packages when they are missing: python3-nbclient (which
 * brings python3, jupyter_client and nbformat) and, for HTML, python3-nbconvert.
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
  if ((await missingModules(modules)).length === 0) return;
  if (options.install === false || Deno.uid() !== 0) {
    const missing = await missingModules(modules);
    throw new Error(
      `${PYTHON} cannot import ${missing.join(", ")}; install the Debian packages as root: ` +
        `apt-get install -y --no-install-recommends ${packagesFor(missing).join(" ")}`,
    );
  }
  await withInstallLock(async () => {
    const missing = await missingModules(modules); // another process may have installed them
    if (missing.length === 0) return;
    const packages = packagesFor(missing);
    console.error(
      `${PYTHON} cannot import ${missing.join(", ")}: installing ${packages.join(" ")}`,
    );
    if (!(await aptInstall(packages))) {
      throw new Error(`apt-get install ${packages.join(" ")} failed (see apt's output above)`);
    }
    const still = await missingModules(modules);
    if (still.length > 0) {
      throw new Error(
        `after installing ${packages.join(" ")}, ${PYTHON} still cannot import ${still.join(", ")}`,
      );
    }
  });
}

/** Programs the browser check runs → the Debian package that provides each. */
const PROGRAMS: Record<string, string> = {
  "/usr/bin/chromium": "chromium",
  "/usr/bin/jupyter-notebook": "jupyter-notebook",
};

async function missingPrograms(): Promise<string[]> {
  const missing: string[] = [];
  for (const path of Object.keys(PROGRAMS)) {
    if (!(await Deno.stat(path).then((s) => s.isFile, () => false))) missing.push(path);
  }
  return missing;
}

/**
 * Make sure headless Chromium, the classic Notebook and nbconvert are present
 * (Debian packages `chromium`, `jupyter-notebook`, `python3-nbconvert`),
 * installing them as root when missing.
 *
 * @throws Error naming what is missing and the command that would install it
 */
export async function ensureBrowserTools(): Promise<void> {
  await ensureJupyterClient({ html: true });
  if ((await missingPrograms()).length === 0) return;
  const packages = () => missingPrograms().then((m) => m.map((p) => PROGRAMS[p]!));
  if (Deno.uid() !== 0) {
    throw new Error(
      `missing ${(await missingPrograms()).join(", ")}; install as root: ` +
        `apt-get install -y --no-install-recommends ${(await packages()).join(" ")}`,
    );
  }
  await withInstallLock(async () => {
    const wanted = await packages();
    if (wanted.length === 0) return;
    console.error(`installing ${wanted.join(" ")} for the browser check`);
    if (!(await aptInstall(wanted))) {
      throw new Error(`apt-get install ${wanted.join(" ")} failed (see apt's output above)`);
    }
    const still = await missingPrograms();
    if (still.length > 0) {
      throw new Error(`after apt-get install, still missing ${still.join(", ")}`);
    }
  });
}

function packagesFor(modules: readonly string[]): string[] {
  return [...new Set(modules.map((m) => PACKAGES[m]!))];
}
