/**
 * Whether a cell's code parses, asked of Deno's formatter (which parses
 * TypeScript without running or type-checking it), so that a syntax error is
 * reported with its line and column, and without running anything.
 *
 * @module
 */

/** ANSI colour codes. */
const ANSI = new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g");

/**
 * The syntax error in `code`, or null when it parses.
 *
 * @returns e.g. "SyntaxError: Expression expected (line 2, column 11)", or null
 */
export async function syntaxError(code: string): Promise<string | null> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--ext", "ts", "-"],
    stdin: "piped",
    stdout: "null",
    stderr: "piped",
    clearEnv: true,
    env: { NO_COLOR: "1", HOME: Deno.env.get("HOME") ?? "/tmp" },
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(code));
  await writer.close();
  const out = await child.output();
  if (out.success) return null;
  // deno fmt may colour its message whatever NO_COLOR says.
  const text = new TextDecoder().decode(out.stderr).replaceAll(ANSI, "");
  const what = /(SyntaxError: [^\n]*)/.exec(text)?.[1];
  if (!what) return null;
  const at = /:(\d+):(\d+)\s*$/m.exec(text.split("Stack backtrace")[0] ?? "");
  return at ? `${what} (line ${at[1]}, column ${at[2]})` : what;
}
