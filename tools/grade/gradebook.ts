/**
 * The gradebook: one CSV row per submission, one column per exercise, the
 * totals, and whether it was graded (with the reason when not).
 *
 * @module
 */
import { EXERCISES, type NotebookScore } from "../../lib/grade/mod.ts";

/** One submission's outcome: its score, or why it could not be graded. */
export interface Graded {
  /** The student's name for the gradebook: the file's name without `.ipynb`. */
  student: string;
  file: string;
  score: NotebookScore | null;
  /** Why it could not be graded (plain words), when `score` is null. */
  error: string | null;
}

/**
 * A CSV field: quoted when needed, and a leading `=`, `+`, `-` or `@` (which a
 * spreadsheet would run as a formula) defused with a `'`.
 */
export function csvField(v: string | number): string {
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The gradebook as CSV text (a header, then one line per submission, in the given order). */
export function gradebookCsv(rows: readonly Graded[]): string {
  const used = new Set(rows.flatMap((r) => r.score?.exercises.map((e) => e.exercise) ?? []));
  const exercises = EXERCISES.filter((e) => used.has(e.id));
  const header = [
    "student",
    "file",
    "sheet",
    ...exercises.map((e) => (e.bonus ? `${e.id} (bonus)` : e.id)),
    "points",
    "max_points",
    "bonus_points",
    "bonus_max_points",
    "status",
  ];
  const lines = [header.map(csvField).join(",")];
  for (const r of rows) {
    const s = r.score;
    const per = exercises.map((e) => {
      const x = s?.exercises.find((y) => y.exercise === e.id);
      return x ? x.points : "";
    });
    const cells = s === null
      ? [r.student, r.file, "", ...per, 0, "", 0, "", `not graded: ${r.error ?? "unknown"}`]
      : [
        r.student,
        r.file,
        s.template ?? "",
        ...per,
        s.points,
        s.maxPoints,
        s.bonusPoints,
        s.bonusMaxPoints,
        "graded",
      ];
    lines.push(cells.map(csvField).join(","));
  }
  return lines.join("\n") + "\n";
}
