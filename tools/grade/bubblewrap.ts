/**
 * Debian's bubblewrap (`bwrap`), the operating-system sandbox the grader runs
 * student code in: found on PATH, or installed with apt-get when the grader
 * runs as root on a machine with apt (as tools/notebooks installs nbclient),
 * then tried once so that a machine where it cannot create namespaces is
 * refused with a clear message instead of grading unsandboxed.
 *
 * @module
 */
import { aptInstall, runCommand, withFileLock } from "../_apt.ts";

/** A sandbox that cannot be set up on this machine, with what to do about it. */
export class SandboxUnavailable extends Error {
  override name = "SandboxUnavailable";
}

const run = (cmd: string, args: string[]) => runCommand(cmd, args, true);

/** The program paths the sandbox needs, when present. */
export const BWRAP = "bwrap";
/** util-linux's prlimit, which sets the memory and file limits. */
export const PRLIMIT = "prlimit";

async function present(): Promise<boolean> {
  return await run(BWRAP, ["--version"]) && await run(PRLIMIT, ["--version"]);
}

let checked: Promise<void> | null = null;

/**
 * Makes sure `bwrap` and `prlimit` exist, installing Debian's `bubblewrap`
 * (and `util-linux`) as root when they are missing. Checked once per process.
 *
 * @throws SandboxUnavailable saying how to install them
 */
export function ensureBubblewrap(options: { install?: boolean } = {}): Promise<void> {
  checked ??= (async () => {
    if (await present()) return;
    if (options.install === false || Deno.uid() !== 0) {
      throw new SandboxUnavailable(
        "the grader runs student code inside bubblewrap, which is not installed; install it " +
          "as root with `apt-get install -y bubblewrap util-linux` (or pass --unsandboxed to " +
          "grade your own work on your own machine)",
      );
    }
    await withFileLock("amsgrad-bubblewrap-install.lock", async () => {
      if (await present()) return;
      console.error("bubblewrap is not installed: installing it with apt-get");
      if (!(await aptInstall(["bubblewrap", "util-linux"])) || !(await present())) {
        throw new SandboxUnavailable(
          "the grader runs student code inside bubblewrap, which is not installed, and " +
            "installing it with apt-get failed (see apt's output above); install it with " +
            "`apt-get install -y bubblewrap util-linux` (or pass --unsandboxed to grade your " +
            "own work on your own machine)",
        );
      }
    });
  })();
  checked.catch(() => (checked = null));
  return checked;
}
