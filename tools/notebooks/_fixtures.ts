/**
 * Notebooks generated for the runner's tests (nbformat 4 JSON), so that no test
 * notebook is committed. Each cell knows the outputs it must produce.
 *
 * @module
 */

/** A generated code cell and the outputs it must end up with. */
export interface FixtureCell {
  source: string;
  tags?: string[];
  expected: { output_type: string; data?: Record<string, string>; text?: string }[];
}

/** An nbformat 4.5 notebook for the Deno kernel. */
export function notebookJson(cells: readonly { source: string; tags?: string[] }[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    cells: cells.map((c, i) => ({
      id: `cell-${i}`,
      cell_type: "code",
      source: c.source,
      metadata: c.tags ? { tags: c.tags } : {},
      execution_count: null,
      outputs: [],
    })),
  });
}

const raw = (mime: Record<string, string>) =>
  `Deno.jupyter.display(${JSON.stringify(mime)}, { raw: true })`;
const value = (text: string) =>
  `({ [Symbol.for("Jupyter.display")]: () => (${JSON.stringify({ "text/plain": text })}) })`;

/**
 * `n` cells that display in the ways notebooks do: un-awaited and awaited
 * `Deno.jupyter.display`, several displays per cell, a cell value, console.log.
 * Un-awaited displays are the ones the kernel tends to publish after `idle`.
 */
export function displayCells(n: number): FixtureCell[] {
  return Array.from({ length: n }, (_, i): FixtureCell => {
    const d = { "text/plain": `display ${i}` }, v = `value ${i}`;
    switch (i % 4) {
      case 0:
        return {
          source: `${raw(d)};\n${value(v)}`,
          expected: [{ output_type: "display_data", data: d }, {
            output_type: "execute_result",
            data: { "text/plain": v },
          }],
        };
      case 1:
        return {
          source: `await ${raw(d)};\nconsole.log("log ${i}");`,
          expected: [{ output_type: "display_data", data: d }, {
            output_type: "stream",
            text: `log ${i}\n`,
          }],
        };
      case 2:
        return {
          source: value(v),
          expected: [{ output_type: "execute_result", data: { "text/plain": v } }],
        };
      default: {
        const h = { "text/html": `<b>${i}</b>`, "text/plain": `bold ${i}` };
        return {
          source: `${raw(d)};\nvoid ${raw(h)}; // void: no cell value (a Promise) shown`,
          expected: [{ output_type: "display_data", data: d }, {
            output_type: "display_data",
            data: h,
          }],
        };
      }
    }
  });
}
