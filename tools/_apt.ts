/**
 * Installing Debian packages on demand, for the tools that need a system program
 * (the notebook runner's Jupyter client and Chromium, the grader's bubblewrap):
 * `apt-get install`, and only when that fails `apt-get update` and a retry, under
 * a file lock so that parallel test files do not race each other.
 *
 * @module
 */
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Runs a command; false when it fails or does not exist.
 *
 * @param cmd the program
 * @param args its arguments
 * @param quiet discard its output (default: it goes to this process's stdout and stderr)
 * @returns whether it ran and succeeded
 */
export async function runCommand(cmd: string, args: string[], quiet = false): Promise<boolean> {
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
 * `apt-get install` without recommends, and only when that fails (no or stale
 * package lists) `apt-get update` and a retry; waits for a dpkg lock held by
 * anyone else.
 *
 * @param packages Debian package names
 * @returns whether the install succeeded
 */
export async function aptInstall(packages: readonly string[]): Promise<boolean> {
  const lock = ["-o", "DPkg::Lock::Timeout=300"];
  const args = [...lock, "install", "-y", "--no-install-recommends", ...packages];
  return await runCommand("apt-get", args) ||
    (await runCommand("apt-get", [...lock, "update"]) && await runCommand("apt-get", args));
}

/**
 * Runs `fn` holding an exclusive lock on a file in the temporary folder, so that
 * processes installing the same packages at once take turns.
 *
 * @param name the lock's name (a file name)
 * @param fn what to do while holding it
 * @returns what `fn` returns
 */
export async function withFileLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const file = await Deno.open(join(tmpdir(), name), { create: true, write: true });
  try {
    await file.lock(true);
    return await fn();
  } finally {
    file.close(); // closing releases the lock
  }
}
