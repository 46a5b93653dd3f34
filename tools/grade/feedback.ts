/**
 * One HTML page of feedback per student: the score, each exercise with its
 * checks (PASS, or where the answer first differed and a hint), and the notes
 * about how the answers were found. Self-contained, everything escaped.
 *
 * @module
 */
import type { NotebookScore } from "../../lib/grade/mod.ts";
import type { Graded } from "./gradebook.ts";

/** Text made safe for HTML. */
export function escapeHtml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

const STYLE =
  `body{font-family:system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;
line-height:1.45}table{border-collapse:collapse;width:100%}td{vertical-align:top;padding:.3rem .5rem;
border-top:1px solid #ddd}.pass{color:#1a7f37;font-weight:bold}.fail{color:#cf222e;font-weight:bold}
.hint{font-style:italic}.note{background:#fff8c5;padding:.4rem .6rem;margin:.3rem 0}`;

function exercises(s: NotebookScore): string {
  return s.exercises.map((e) => {
    let lastHint: string | null = null;
    const rows = e.checks.map((c) => {
      const badge = c.pass ? `<span class="pass">PASS</span>` : `<span class="fail">FAIL</span>`;
      let hint = "";
      if (!c.pass && c.hint) {
        hint = `<div class="hint">hint: ${
          escapeHtml(c.hint === lastHint ? "as above" : c.hint)
        }</div>`;
        lastHint = c.hint;
      }
      return `<tr><td>${badge}</td><td>${escapeHtml(c.title)}<br><small>${
        escapeHtml(c.message)
      }</small>${hint}</td></tr>`;
    }).join("");
    const note = e.note ? `<div class="note">${escapeHtml(e.note)}</div>` : "";
    return `<h2>${escapeHtml(e.title)}: ${e.points}/${e.maxPoints}${
      e.bonus ? " (bonus)" : ""
    }</h2>${note}<table>${rows}</table>`;
  }).join("\n");
}

/** The feedback page of one submission. */
export function feedbackHtml(g: Graded): string {
  const title = `Feedback: ${g.student}`;
  let body: string;
  if (g.score === null) {
    body = `<p class="note">Your notebook could not be graded: ${
      escapeHtml(g.error ?? "unknown reason")
    }</p>`;
  } else {
    const s = g.score;
    const bonus = s.bonusMaxPoints > 0 ? ` + ${s.bonusPoints}/${s.bonusMaxPoints} bonus` : "";
    const notes = s.notes.map((n) => `<div class="note">${escapeHtml(n)}</div>`).join("");
    body = `<p>Exercise sheet <b>${
      escapeHtml(s.template ?? "")
    }</b>: <b>${s.points}/${s.maxPoints}</b>${bonus}</p>${notes}\n${exercises(s)}`;
  }
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${
    escapeHtml(title)
  }</title><style>${STYLE}</style></head>\n<body><h1>${
    escapeHtml(title)
  }</h1>\n${body}\n</body></html>\n`;
}

/**
 * A file name for a student's page: letters, digits, `.`, `_` and `-` only,
 * never a path, distinct from the names already `taken`.
 */
export function pageName(student: string, taken: Set<string>): string {
  const base = student.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/\.{2,}/g, "_")
    .replace(/^[._-]+/, "").slice(0, 80) ||
    "submission";
  let name = `${base}.html`;
  for (let k = 2; taken.has(name); k++) name = `${base}-${k}.html`;
  taken.add(name);
  return name;
}
