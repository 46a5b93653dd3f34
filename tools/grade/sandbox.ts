/**
 * Running one exercise of one submission in a fresh, isolated process:
 * bubblewrap gives it a private mount namespace that holds, read-only, only
 * the student-facing library (lib/ without the grader, whose probes alone are
 * shown), the project's npm packages, the Deno binary, the system's shared
 * libraries and the submission's module; a private /tmp; no network (a new
 * network namespace with nothing in it); its own process ids, so it sees
 * and can signal nothing outside; a new session; no capabilities; and it dies
 * with the grader. Inside it, Deno runs with every permission denied, a heap
 * cap, and prlimit caps its memory and file sizes. The grader kills it when it
 * runs past its time or writes too much; killing bwrap ends every process of
 * the sandbox, because the sandbox's first process dies with it and the
 * kernel then kills the rest of its process namespace.
 *
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MAX_OUTPUT_BYTES, type RunEnd } from "../../lib/grade/protocol.ts";
import { BWRAP, ensureBubblewrap, PRLIMIT, SandboxUnavailable } from "./bubblewrap.ts";

/** The repository's root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Where the project is seen from inside the sandbox. */
const COURSE = "/course";
const MODULE_DIR = "notebooks/exercises";
const HARNESS = "lib/grade/probe/harness.ts";

/** Limits of one exercise's run. */
export interface Limits {
  /** Seconds before the run is killed. */
  timeoutSeconds: number;
  /** MiB of memory (data segment) the run may use; the JavaScript heap gets half. */
  memoryMiB: number;
}

/** The default limits: 60 s and 1024 MiB per exercise. */
export const DEFAULT_LIMITS: Limits = { timeoutSeconds: 60, memoryMiB: 1024 };

/** How to run: in bubblewrap (the default), or, when asked explicitly, without it. */
export interface RunOptions {
  limits?: Partial<Limits>;
  /** Run without the operating-system sandbox (only Deno's permissions): never the default. */
  unsandboxed?: boolean;
  /**
   * Called once the run started, with its process id and the run's id, which
   * appears in the command line of every process of the run (tests use it).
   */
  onSpawn?: (pid: number, runId: string) => void;
}

/**
 * The result of one exercise's run: what it wrote to standard output, the
 * secret token that marks the harness's lines, and how it ended.
 */
export interface RunResult {
  stdout: string;
  token: string;
  end: RunEnd;
}

/** Whether anything (a file, a folder, a dangling link) is at `path`. */
export async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** The system directories Deno's binary needs (its shared libraries), bound read-only. */
async function systemBinds(): Promise<string[]> {
  const args: string[] = [];
  for (const dir of ["/lib", "/lib64", "/usr/lib", "/usr/lib64", "/lib32", "/usr/lib32"]) {
    if (!(await exists(dir))) continue;
    const info = await Deno.lstat(dir);
    if (info.isSymlink) args.push("--symlink", await Deno.readLink(dir), dir);
    else args.push("--ro-bind", dir, dir);
  }
  return args;
}

/**
 * The arguments of Deno inside the run: no permission but reading the code it
 * imports (the library, the npm packages and the answer module: a dynamic
 * import needs it), no network imports, a heap cap.
 */
function denoArgs(
  limits: Limits,
  root: string,
  module: string,
  exercise: string,
): string[] {
  const heap = Math.max(64, Math.floor(limits.memoryMiB / 2));
  return [
    "run",
    "--no-prompt",
    "--no-remote",
    "--cached-only",
    `--v8-flags=--max-old-space-size=${heap}`,
    `--allow-read=${["lib", "node_modules", "deno.json", MODULE_DIR].map((p) => join(root, p))}`,
    join(root, HARNESS),
    exercise,
    module,
  ];
}

/** prlimit's arguments: memory (data segment), file size, no core dumps, open files. */
function prlimitArgs(limits: Limits): string[] {
  return [
    `--data=${limits.memoryMiB * 1024 * 1024}`,
    `--fsize=${64 * 1024 * 1024}`,
    "--core=0",
    "--nofile=256",
    "--",
  ];
}

const ENV = {
  HOME: "/tmp",
  DENO_DIR: "/tmp/deno",
  NO_COLOR: "1",
  DENO_NO_UPDATE_CHECK: "1",
  PATH: "/usr/bin:/bin",
};

/** The bwrap command line for one run. */
async function bwrapArgs(
  moduleFile: string,
  exercise: string,
  limits: Limits,
  runId: string,
): Promise<string[]> {
  const inside = `${COURSE}/${MODULE_DIR}/answer-${runId}.ts`;
  const deno = Deno.execPath();
  const binds = [
    ...await systemBinds(),
    "--ro-bind",
    deno,
    "/sandbox/deno",
    "--ro-bind",
    join(ROOT, "lib"),
    `${COURSE}/lib`,
    // The grader's own code (expected values, known mistakes) is hidden: only its probes show.
    "--tmpfs",
    `${COURSE}/lib/grade`,
    "--ro-bind",
    join(ROOT, "lib/grade/probe"),
    `${COURSE}/lib/grade/probe`,
  ];
  for (const f of ["deno.json", "deno.lock", "node_modules"]) {
    if (await exists(join(ROOT, f))) binds.push("--ro-bind", join(ROOT, f), `${COURSE}/${f}`);
  }
  binds.push("--ro-bind", moduleFile, inside);
  const env = Object.entries(ENV).flatMap(([k, v]) => ["--setenv", k, v]);
  return [
    ...prlimitArgs(limits),
    BWRAP,
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    "--cap-drop",
    "ALL",
    "--hostname",
    "sandbox",
    ...binds,
    "--tmpfs",
    "/tmp",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--remount-ro",
    "/",
    "--chdir",
    `${COURSE}/${MODULE_DIR}`,
    ...env,
    "/sandbox/deno",
    ...denoArgs(limits, COURSE, `file://${inside}`, exercise),
  ];
}

let sandboxChecked: Promise<void> | null = null;

/**
 * Makes sure the sandbox works here: bubblewrap installed (or installed now,
 * as root), and able to start Deno in its namespaces.
 *
 * @throws SandboxUnavailable with what failed and what to do
 */
export function ensureSandbox(): Promise<void> {
  sandboxChecked ??= (async () => {
    await ensureBubblewrap();
    const dir = await Deno.makeTempDir({ prefix: "amsgrad-grade-" });
    try {
      const file = join(dir, "submission.ts");
      await Deno.writeTextFile(file, "export const ok = 1;\n");
      const args = await bwrapArgs(file, "-", DEFAULT_LIMITS, "smoke");
      // `deno eval` in place of `deno run … harness`, for the smoke test.
      const i = args.lastIndexOf("/sandbox/deno");
      const smoke = [...args.slice(0, i + 1), "eval", "--no-prompt", "console.log('sandbox ok')"];
      const out = await new Deno.Command(PRLIMIT, {
        args: smoke,
        clearEnv: true,
        stdin: "null",
        stdout: "piped",
        stderr: "piped",
      }).output();
      const text = new TextDecoder().decode(out.stdout);
      if (!out.success || !text.includes("sandbox ok")) {
        const err = new TextDecoder().decode(out.stderr).trim().split("\n").slice(-3).join(" ");
        throw new SandboxUnavailable(
          `bubblewrap is installed but cannot create its sandbox here (${err || "no message"}); ` +
            "it needs user namespaces (run as root, or enable unprivileged user namespaces). " +
            "Grading refuses to run student code without it; --unsandboxed runs it without " +
            "the sandbox, for a student grading their own work on their own machine",
        );
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  })();
  sandboxChecked.catch(() => (sandboxChecked = null));
  return sandboxChecked;
}

/** Reads a stream to its end, keeping at most `max` bytes; calls `over` once when it overflows. */
async function drain(
  stream: ReadableStream<Uint8Array>,
  max: number,
  keep: "head" | "tail",
  over: () => void,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let overflowed = false;
  for await (const chunk of stream) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > max) {
      if (keep === "head") {
        if (!overflowed) over();
        overflowed = true;
        chunks.pop();
        size -= chunk.length;
      } else {
        while (size > max && chunks.length > 1) size -= chunks.shift()!.length;
      }
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c.subarray(0, Math.min(c.length, size - at)), at);
    at += c.length;
  }
  return out;
}

/**
 * Runs one exercise of a submission: writes its module to a private temporary
 * folder, runs the harness on it in the sandbox, and returns what came back.
 *
 * @param moduleText the answer module ({@link answerModule})
 * @param exercise the exercise id, from the lecturer's registry
 */
export async function runExercise(
  moduleText: string,
  exercise: string,
  options: RunOptions = {},
): Promise<RunResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const runId = crypto.randomUUID();
  const token = Array.from(crypto.getRandomValues(new Uint8Array(16)))
    .map((b) => b.toString(16).padStart(2, "0")).join("");
  let cmd: string;
  let args: string[];
  let cleanup: () => Promise<void>;
  if (options.unsandboxed) {
    // Beside the templates, so that their imports (`../../lib/mod.ts`) resolve.
    const file = join(ROOT, MODULE_DIR, `.answer-${runId}.ts`);
    await Deno.writeTextFile(file, moduleText);
    cleanup = () => Deno.remove(file).catch(() => {});
    cmd = Deno.execPath();
    args = denoArgs(limits, ROOT, `file://${file}`, exercise);
  } else {
    await ensureSandbox();
    const dir = await Deno.makeTempDir({ prefix: "amsgrad-grade-" });
    const file = join(dir, `answer-${runId}.ts`);
    await Deno.writeTextFile(file, moduleText);
    cleanup = () => Deno.remove(dir, { recursive: true }).catch(() => {});
    cmd = PRLIMIT;
    args = await bwrapArgs(file, exercise, limits, runId);
  }
  try {
    const child = new Deno.Command(cmd, {
      args,
      clearEnv: true,
      env: options.unsandboxed
        ? { ...ENV, HOME: Deno.env.get("HOME") ?? "/tmp", DENO_DIR: denoDir() }
        : {},
      cwd: options.unsandboxed ? join(ROOT, MODULE_DIR) : undefined,
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    options.onSpawn?.(child.pid, runId);
    const writer = child.stdin.getWriter();
    // The harness reads the token before running anything of the student's.
    await writer.write(new TextEncoder().encode(token + "\n")).catch(() => {});
    await writer.close().catch(() => {});
    let timedOut = false;
    let tooMuch = false;
    const kill = () => {
      try {
        child.kill("SIGKILL");
      } catch { /* already gone */ }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, limits.timeoutSeconds * 1000);
    const [out, err, status] = await Promise.all([
      drain(child.stdout, MAX_OUTPUT_BYTES, "head", () => {
        tooMuch = true;
        kill();
      }),
      drain(child.stderr, 4096, "tail", () => {}),
      child.status,
    ]);
    clearTimeout(timer);
    await reap(runId);
    const end: RunEnd = {
      code: status.signal === null ? status.code : null,
      stderr: new TextDecoder().decode(err),
      ...(timedOut ? { timedOutAfter: limits.timeoutSeconds } : {}),
      ...(tooMuch ? { tooMuchOutput: true } : {}),
    };
    return { stdout: new TextDecoder().decode(out), token, end };
  } finally {
    await cleanup();
  }
}

/** The host's process ids whose command line names this run (its bwrap and its Deno). */
export function processesOfRun(runId: string): number[] {
  const pids: number[] = [];
  let entries: Iterable<Deno.DirEntry>;
  try {
    entries = Deno.readDirSync("/proc");
  } catch {
    return pids; // no /proc: nothing to look for
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e.name) || Number(e.name) === Deno.pid) continue;
    try {
      if (Deno.readTextFileSync(`/proc/${e.name}/cmdline`).includes(runId)) pids.push(+e.name);
    } catch { /* gone meanwhile */ }
  }
  return pids;
}

/**
 * Waits until no process of the run is left, killing any that is: after bwrap
 * is killed, the kernel ends the sandbox's processes, but not instantly.
 */
async function reap(runId: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const left = processesOfRun(runId);
    if (left.length === 0) return;
    for (const pid of left) {
      try {
        Deno.kill(pid, "SIGKILL");
      } catch { /* gone meanwhile */ }
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The grader's own Deno cache, for an unsandboxed run (which may use it). */
function denoDir(): string {
  return Deno.env.get("DENO_DIR") ??
    join(Deno.env.get("HOME") ?? "/tmp", ".cache", "deno");
}

export { SandboxUnavailable };
