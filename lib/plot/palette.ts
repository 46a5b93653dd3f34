/**
 * One look for every chart: an explicit white background and dark ink (so charts
 * read the same in light and dark notebook themes), and one colour and one dash
 * per optimizer, used by every chart helper, in notebooks and in `results/`.
 *
 * @module
 */

/** A line's look: a CSS colour and an SVG `stroke-dasharray` (`""` is solid). */
export interface SeriesStyle {
  /** CSS colour, e.g. `"#0072b2"`. */
  color: string;
  /** SVG `stroke-dasharray`, e.g. `"6 3"`; `""` for a solid line. */
  dash: string;
}

/** Colours every chart uses for its background, text, axes and grid. */
export const THEME = {
  /** Chart background (drawn as a rectangle, never transparent). */
  background: "#ffffff",
  /** Text, axes and ticks. */
  ink: "#1f1f1f",
  /** Subtitles, captions and secondary text. */
  muted: "#555555",
  /** Grid lines. */
  grid: "#dddddd",
  /** Cells without a value (e.g. a diverged run). */
  missing: "#eeeeee",
  /** Font stack; the PNG renderer resolves `sans-serif` to the bundled DejaVu Sans. */
  font: "system-ui, sans-serif",
} as const;

/**
 * The style of each optimizer, by the label a reader sees (the paper's
 * spelling). Okabe–Ito colours first (safe for colour-blind readers), and a dash
 * for each method that can coincide with another (AdaGrad = AdamNC when β1 = 0).
 * The key order is the legend order.
 */
export const OPTIMIZER_STYLES: Readonly<Record<string, SeriesStyle>> = {
  Adam: { color: "#d55e00", dash: "" },
  AMSGrad: { color: "#0072b2", dash: "" },
  AdamNC: { color: "#009e73", dash: "8 4" },
  SGD: { color: "#4d4d4d", dash: "2 3" },
  AdaGrad: { color: "#cc79a7", dash: "3 2 1 2" },
  RMSProp: { color: "#e69f00", dash: "5 2" },
  AdamW: { color: "#7b3294", dash: "" },
  AdaMax: { color: "#8c510a", dash: "6 2 2 2" },
  NAdam: { color: "#17a2b8", dash: "" },
  RAdam: { color: "#a6a61b", dash: "5 3" },
  Yogi: { color: "#b2182b", dash: "2 2" },
  AdaBelief: { color: "#35978f", dash: "" },
  AdaBound: { color: "#f781bf", dash: "7 3" },
  AMSBound: { color: "#4575b4", dash: "7 3" },
  PAdam: { color: "#bf812d", dash: "" },
  AdamX: { color: "#542788", dash: "4 2" },
};

/** Dash of each library convention when a label reads `"AMSGrad (pytorch)"`. */
const VARIANT_DASH: Readonly<Record<string, string>> = {
  pytorch: "6 3",
  keras: "2 2",
  optax: "8 3 2 3",
};

/** Colours for labels that are not optimizers, picked by a stable hash of the label. */
const OTHER_COLORS = ["#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"];

const KEYS = Object.keys(OPTIMIZER_STYLES);
const normalise = (s: string) => s.toLowerCase().replace(/[\s_-]/g, "");
const BY_KEY = new Map(KEYS.map((k) => [normalise(k), k]));

/** Mix a `#rrggbb` colour with white: `amount` 0 keeps it, 1 gives white. */
function lighten(color: string, amount: number): string {
  const n = parseInt(color.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** `"AMSGrad (pytorch)"` → `["AMSGrad", "pytorch"]`; a canonical key or undefined. */
function parse(label: string): { key?: string; variant?: string } {
  const m = label.match(/^(.*?)\s*\(([^)]*)\)\s*$/);
  const base = m ? m[1]! : label;
  const variant = m ? m[2]!.trim().toLowerCase() : undefined;
  const key = BY_KEY.get(normalise(base));
  return key === undefined ? {} : { key, variant: variant === "paper" ? undefined : variant };
}

/**
 * The colour and dash of a series label. An optimizer's label (any case:
 * `"AMSGrad"`, `"amsgrad"`) gets its entry of {@link OPTIMIZER_STYLES}; a variant
 * (`"AMSGrad (pytorch)"`) gets a lighter shade of its colour and the variant's
 * dash; any other label gets a colour from a stable hash, the same in every chart.
 *
 * @param label the series label
 * @returns its style
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seriesStyle } from "./palette.ts";
 * assert.deepEqual(seriesStyle("amsgrad"), seriesStyle("AMSGrad"));
 * assert.notEqual(seriesStyle("AMSGrad (pytorch)").color, seriesStyle("AMSGrad").color);
 * ```
 */
export function seriesStyle(label: string): SeriesStyle {
  const { key, variant } = parse(label);
  if (key === undefined) {
    return { color: OTHER_COLORS[hash(label) % OTHER_COLORS.length]!, dash: "" };
  }
  const base = OPTIMIZER_STYLES[key]!;
  if (variant === undefined) return base;
  return { color: lighten(base.color, 0.45), dash: VARIANT_DASH[variant] ?? "4 4" };
}

/**
 * Labels in legend order: known optimizers in the order of
 * {@link OPTIMIZER_STYLES} (each variant right after its method), then the
 * others in order of first appearance. Duplicates are dropped.
 *
 * @param labels series labels, in any order
 * @returns the distinct labels, sorted for the legend
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seriesOrder } from "./palette.ts";
 * assert.deepEqual(seriesOrder(["x", "AMSGrad", "Adam", "Adam (pytorch)"]), [
 *   "Adam", "Adam (pytorch)", "AMSGrad", "x",
 * ]);
 * ```
 */
export function seriesOrder(labels: Iterable<string>): string[] {
  const distinct = [...new Set(labels)];
  const rank = (label: string) => {
    const { key, variant } = parse(label);
    return key === undefined ? Infinity : KEYS.indexOf(key) * 2 + (variant === undefined ? 0 : 1);
  };
  return distinct
    .map((label, i) => ({ label, i, r: rank(label) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((e) => e.label);
}

/**
 * A colour scale for Vega-Lite or Observable Plot: `{ domain, range }` with the
 * labels in legend order and their palette colours.
 *
 * @param labels the series labels of a chart
 * @returns `{ domain, range }`, e.g. for a Vega-Lite `color.scale`
 */
export function colorScale(labels: Iterable<string>): { domain: string[]; range: string[] } {
  const domain = seriesOrder(labels);
  return { domain, range: domain.map((l) => seriesStyle(l).color) };
}

/**
 * A dash scale for Vega-Lite's `strokeDash` channel: `{ domain, range }` with the
 * palette's dashes as number arrays (`[]` is solid).
 *
 * @param labels the series labels of a chart
 * @returns `{ domain, range }` for a Vega-Lite `strokeDash.scale`
 */
export function dashScale(labels: Iterable<string>): { domain: string[]; range: number[][] } {
  const domain = seriesOrder(labels);
  const range = domain.map((l) => {
    const dash = seriesStyle(l).dash;
    return dash === "" ? [1, 0] : dash.split(" ").map(Number);
  });
  return { domain, range };
}
