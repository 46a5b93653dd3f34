/**
 * Checks on an executed notebook: no error output, every code cell executed,
 * and every cell tagged `plot` produced a chart: an output carrying both
 * `image/png` (what an untrusted classic Notebook, GitHub and nbconvert show)
 * and `image/svg+xml`.
 *
 * @module
 */

interface Cell {
  cell_type?: string;
  source?: string | string[];
  execution_count?: number | null;
  metadata?: { tags?: string[] };
  outputs?: {
    output_type?: string;
    ename?: string;
    evalue?: string;
    data?: Record<string, unknown>;
  }[];
}

const text = (v: unknown) => (Array.isArray(v) ? v.join("") : typeof v === "string" ? v : "");

/** "cell 7/12 (`first line`)": 1-based, markdown cells counted, as the executor reports. */
export function describeCell(cells: readonly Cell[], index: number): string {
  const first = text(cells[index]?.source).split("\n").find((l) => l.trim()) ?? "";
  return `cell ${index + 1}/${cells.length} (\`${first.trim().slice(0, 70)}\`)`;
}

function hasChart(cell: Cell): boolean {
  return (cell.outputs ?? []).some((o) =>
    o.data !== undefined && o.data["image/png"] !== undefined &&
    text(o.data["image/svg+xml"]).includes("<svg")
  );
}

/**
 * @param notebook a parsed `.ipynb` (nbformat 4)
 * @returns one message per problem, naming the cell; empty when the notebook is fine
 */
export function checkNotebook(notebook: unknown): string[] {
  const cells = (notebook as { cells?: unknown })?.cells;
  if (!Array.isArray(cells)) return ["not a notebook: expected a JSON object with a `cells` array"];
  const problems: string[] = [];
  (cells as Cell[]).forEach((cell, i) => {
    if (cell.cell_type !== "code") return;
    const tags = cell.metadata?.tags ?? [];
    const where = describeCell(cells, i);
    for (const o of cell.outputs ?? []) {
      if (o.output_type === "error") {
        problems.push(`${where}: error output ${o.ename}: ${o.evalue}`);
      }
    }
    if (tags.includes("skip-execution") || !text(cell.source).trim()) return;
    if (cell.execution_count == null) problems.push(`${where}: was not executed`);
    if (tags.includes("plot") && !hasChart(cell)) {
      problems.push(`${where}: tagged \`plot\` but has no output with image/png and image/svg+xml`);
    }
  });
  return problems;
}

/**
 * @param path an executed `.ipynb` file
 * @returns the problems found by {@link checkNotebook}
 */
export async function checkNotebookFile(path: string): Promise<string[]> {
  let notebook: unknown;
  try {
    notebook = JSON.parse(await Deno.readTextFile(path));
  } catch (e) {
    return [`cannot read ${path} as JSON: ${(e as Error).message}`];
  }
  return checkNotebook(notebook);
}
