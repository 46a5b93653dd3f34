/**
 * An exercise's report: the JSON that travels to `deno task grade` under
 * {@link GRADE_MIME}, and its rendering in the notebook (PASS, or FAIL with
 * where it diverged and a hint).
 *
 * @module
 */
import { type CheckResult, type ExerciseReport, GRADE_FORMAT, GRADE_MIME } from "./types.ts";

/** An {@link ExerciseReport} that Jupyter displays as text, HTML and {@link GRADE_MIME}. */
export type DisplayedReport = ExerciseReport & {
  [key: symbol]: () => Record<string, unknown>;
};

/** Sums the checks' points into a report and attaches its Jupyter display. */
export function exerciseReport(
  meta: { exercise: string; title: string; bonus?: boolean },
  checks: CheckResult[],
): DisplayedReport {
  const report: ExerciseReport = {
    format: GRADE_FORMAT,
    exercise: meta.exercise,
    title: meta.title,
    bonus: meta.bonus ?? false,
    points: checks.reduce((s, c) => s + c.points, 0),
    maxPoints: checks.reduce((s, c) => s + c.maxPoints, 0),
    checks,
  };
  // The Deno kernel displays an object through this method (a Deno Jupyter kernel convention).
  Object.defineProperty(report, Symbol.for("Jupyter.display"), {
    enumerable: false,
    value: () => ({
      "text/plain": formatText(report),
      "text/html": formatHtml(report),
      [GRADE_MIME]: JSON.parse(JSON.stringify(report)),
    }),
  });
  return report as DisplayedReport;
}

/** The report as plain text, one line per check plus its hint. */
export function formatText(r: ExerciseReport): string {
  const head = `${r.exercise}: ${r.title}  ${r.points}/${r.maxPoints}${r.bonus ? " (bonus)" : ""}`;
  const lines = [head];
  const hints = shownHints(r);
  r.checks.forEach((c, i) => {
    lines.push(`  ${c.pass ? "PASS" : "FAIL"}  ${c.check}: ${c.title}`);
    lines.push(`        ${c.message}`);
    if (hints[i]) lines.push(`        hint: ${hints[i]}`);
  });
  return lines.join("\n");
}

/** Each failing check's hint, or "as above" when the previous failure had the same one. */
function shownHints(r: ExerciseReport): (string | null)[] {
  let last: string | null = null;
  return r.checks.map((c) => {
    if (c.pass || !c.hint) return null;
    const shown = c.hint === last ? "as above" : c.hint;
    last = c.hint;
    return shown;
  });
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The report as a small HTML table, green PASS and red FAIL. */
export function formatHtml(r: ExerciseReport): string {
  const hints = shownHints(r);
  const td = `<td style="text-align:left;vertical-align:top">`;
  const rows = r.checks.map((c, i) => {
    const badge = c.pass
      ? `<b style="color:#1a7f37">PASS</b>`
      : `<b style="color:#cf222e">FAIL</b>`;
    const hint = hints[i] ? `<br><i>hint: ${esc(hints[i])}</i>` : "";
    return `<tr>${td}${badge}</td>${td}<code>${esc(c.check)}</code></td>` +
      `${td}${esc(c.title)}<br><small>${esc(c.message)}</small>${hint}</td></tr>`;
  });
  const bonus = r.bonus ? " (bonus)" : "";
  return `<div><b>${esc(r.exercise)}</b>: ${esc(r.title)}: <b>${r.points}/${r.maxPoints}</b>` +
    `${bonus}<table>${rows.join("")}</table></div>`;
}
