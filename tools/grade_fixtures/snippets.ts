/**
 * Reference solutions and the common wrong answers of the exercise notebooks,
 * as students would type them into the `student` cells. The notebooks in
 * notebooks/exercises/ hold only starter code; tools/grade_test.ts substitutes
 * these and checks the scores and hints. Each wrong answer names the known
 * mistake it should be diagnosed as (`null`: none fits, the fallback hint is
 * expected).
 *
 * @module
 */

/** A wrong answer for one student cell and the diagnosis it must get. */
export interface WrongAnswer {
  /** The student cell it replaces (`student-<exercise>`). */
  cell: string;
  /** A short description for test names. */
  name: string;
  code: string;
  /** The exercise that must lose points. */
  exercise: string;
  /** The mistake id some failing check must report, or null for the fallback hint. */
  mistake: string | null;
  /** Text the hint of that check must contain. */
  hint: RegExp;
}

/** One notebook's fixtures. */
export interface NotebookFixtures {
  /** Student cell id → reference solution. */
  reference: Record<string, string>;
  wrong: WrongAnswer[];
}

const amsgradPsi = (body: string) =>
  `function amsgradPsi(s: Moments, g: number, beta2: number): number {\n${body}\n}\n`;
const pytorchDenominator = (body: string) =>
  `function pytorchDenominator(s: Moments, g: number, beta2: number, t: number, eps: number): number {\n${body}\n}\n`;
const beta2T = (body: string) => `function beta2T(t: number): number {\n${body}\n}\n`;
const projectInterval = (body: string) =>
  `function projectInterval(y: number, a: number, b: number, w: number): number {\n${body}\n}\n`;
const projectBall = (body: string) =>
  `function projectBall(y: number[], r: number, w: number[]): number[] {\n${body}\n}\n`;
const regret = (body: string) =>
  `function regret(xs: number[], slopes: number[], lo: number, hi: number): number {\n${body}\n}\n`;

/** x_i(λ) = c_i(λ)·y_i with λ found by bisection; `scale` is the student's c_i(λ). */
const ballBisection = (scale: string) =>
  projectBall(`  const n2 = (lam: number) =>
    y.reduce((s, yi, i) => s + (${scale} * yi) ** 2, 0);
  if (n2(0) <= r * r) return [...y];
  let lo = 0;
  let hi = 1;
  while (n2(hi) > r * r) hi *= 2;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (n2(mid) > r * r) lo = mid;
    else hi = mid;
  }
  const lam = hi;
  return y.map((yi, i) => ${scale} * yi);`);

const wrong = (
  cell: string,
  exercise: string,
  list: [name: string, code: string, mistake: string | null, hint: RegExp][],
): WrongAnswer[] =>
  list.map(([name, code, mistake, hint]) => ({ cell, name, code, exercise, mistake, hint }));

/** Fixtures by notebook (file name without .ipynb). */
export const FIXTURES: Record<string, NotebookFixtures> = {
  "01_amsgrad_psi": {
    reference: {
      "student-amsgrad-psi": amsgradPsi(`  const v = adamPsi(s, g, beta2);
  s.vHat = Math.max(s.vHat, v);
  return s.vHat;`),
      "student-pytorch-denominator": pytorchDenominator(`  adamPsi(s, g, beta2);
  s.vHat = Math.max(s.vHat, s.v);
  return Math.sqrt(s.vHat) / Math.sqrt(1 - beta2 ** t) + eps;`),
    },
    wrong: [
      ...wrong("student-amsgrad-psi", "amsgrad-psi", [
        [
          "Adam's psi, no max",
          amsgradPsi("  return adamPsi(s, g, beta2);"),
          "no-max",
          /running max/,
        ],
        [
          "keeps the max but returns v",
          amsgradPsi(`  const v = adamPsi(s, g, beta2);
  if (v > s.vHat) s.vHat = v;
  return v;`),
          "returns-v",
          /you return v_t/,
        ],
        [
          "max over m",
          amsgradPsi(`  adamPsi(s, g, beta2);
  s.vHat = Math.max(s.vHat, s.m);
  return s.vHat;`),
          "max-over-m",
          /over m \(the first moment\)/,
        ],
        [
          "max before the update of v",
          amsgradPsi(`  s.vHat = Math.max(s.vHat, s.v);
  adamPsi(s, g, beta2);
  return s.vHat;`),
          "stale-max",
          /v_\{t−1\}/,
        ],
        [
          "returns the square root",
          amsgradPsi(`  s.vHat = Math.max(s.vHat, adamPsi(s, g, beta2));
  return Math.sqrt(s.vHat);`),
          "returns-sqrt",
          /you return √v̂_t/,
        ],
        [
          "Adam's psi rewritten with beta2 twice",
          amsgradPsi(`  s.v = beta2 * s.v + beta2 * g * g;
  s.vHat = Math.max(s.vHat, s.v);
  return s.vHat;`),
          null,
          /by hand/,
        ],
      ]),
      ...wrong("student-pytorch-denominator", "pytorch-denominator", [
        [
          "optax: max over the corrected v",
          pytorchDenominator(`  const vCorrected = adamPsi(s, g, beta2) / (1 - beta2 ** t);
  s.vHat = Math.max(s.vHat, vCorrected);
  return Math.sqrt(s.vHat) + eps;`),
          "max-over-corrected",
          /bias-corrected/,
        ],
        [
          "eps inside the square root",
          pytorchDenominator(`  s.vHat = Math.max(s.vHat, adamPsi(s, g, beta2));
  return Math.sqrt(s.vHat / (1 - beta2 ** t) + eps);`),
          "eps-inside-sqrt",
          /inside the square root/,
        ],
        [
          "no bias correction",
          pytorchDenominator(`  s.vHat = Math.max(s.vHat, adamPsi(s, g, beta2));
  return Math.sqrt(s.vHat) + eps;`),
          "no-correction",
          /no bias correction/,
        ],
        [
          "Keras's epsilon hat",
          pytorchDenominator(`  s.vHat = Math.max(s.vHat, adamPsi(s, g, beta2));
  return (Math.sqrt(s.vHat) + eps) / Math.sqrt(1 - beta2 ** t);`),
          "eps-scaled",
          /epsilon hat/,
        ],
        [
          "0-based step in the correction",
          pytorchDenominator(`  s.vHat = Math.max(s.vHat, adamPsi(s, g, beta2));
  return Math.sqrt(s.vHat) / Math.sqrt(1 - beta2 ** (t - 1)) + eps;`),
          "t-zero-based",
          /1-based/,
        ],
      ]),
    ],
  },
  "02_adamnc_beta2": {
    reference: { "student-adamnc-beta2": beta2T("  return 1 - 1 / t;") },
    wrong: wrong("student-adamnc-beta2", "adamnc-beta2", [
      ["1/t", beta2T("  return 1 / t;"), "one-over-t", /shrinks as t grows/],
      ["t/(t+1)", beta2T("  return t / (t + 1);"), "shifted", /off by one/],
      ["0-based t", beta2T("  return 1 - 1 / (t - 1);"), "zero-based", /1-based/],
      ["constant 0.999", beta2T("  return 0.999;"), "constant-0.999", /constant β2/],
      ["1 - 1/t^2", beta2T("  return 1 - 1 / t ** 2;"), "squared", /weighs the past too much/],
      ["1 - 1/(2t)", beta2T("  return 1 - 1 / (2 * t);"), null, /mean of the first t − 1/],
    ]),
  },
  "03_weighted_projection": {
    reference: {
      "student-interval-projection": projectInterval(`  if (y < a) return a;
  if (y > b) return b;
  return y;`),
      "student-ball-projection": ballBisection("(w[i]! / (w[i]! + lam))"),
    },
    wrong: [
      ...wrong("student-interval-projection", "interval-projection", [
        ["projection not applied", projectInterval("  return y;"), "not-applied", /not applied/],
        [
          "divided by the weight",
          projectInterval("  return Math.min(Math.max(y / w, a), b);"),
          "weight-divided",
          /weight changed the answer/,
        ],
        [
          "clamped to [-1, 1]",
          projectInterval("  return Math.min(Math.max(y, -1), 1);"),
          "unit-interval",
          /instead of \[a, b\]/,
        ],
        [
          "min and max swapped",
          projectInterval("  return Math.max(b, Math.min(a, y));"),
          "min-max-swapped",
          /swapped/,
        ],
        [
          "upper bound only",
          projectInterval("  return Math.min(y, b);"),
          "upper-only",
          /upper bound/,
        ],
      ]),
      ...wrong("student-ball-projection", "ball-projection", [
        [
          "Euclidean projection",
          projectBall(`  const n = Math.hypot(...y);
  return n <= r ? [...y] : y.map((v) => (v * r) / n);`),
          "euclidean",
          /Euclidean projection/,
        ],
        [
          "coordinate clipping",
          projectBall("  return y.map((v) => Math.min(Math.max(v, -r), r));"),
          "box",
          /box, not the ball/,
        ],
        [
          "weights the wrong way round",
          ballBisection("(1 / (1 + lam * w[i]!))"),
          "inverse-weights",
          /wrong way round/,
        ],
      ]),
    ],
  },
  "04_regret": {
    reference: {
      "student-regret": regret(`  let loss = 0;
  let slope = 0;
  for (let t = 0; t < xs.length; t++) {
    loss += slopes[t]! * xs[t]!;
    slope += slopes[t]!;
  }
  return loss - Math.min(lo * slope, hi * slope);`),
    },
    wrong: wrong("student-regret", "regret", [
      [
        "loss of the run only",
        regret("  return xs.reduce((s, x, t) => s + slopes[t]! * x, 0);"),
        "no-comparator",
        /loss of the run/,
      ],
      [
        "against the last iterate",
        regret(`  const xT = xs[xs.length - 1]!;
  return xs.reduce((s, x, t) => s + slopes[t]! * (x - xT), 0);`),
        "last-iterate",
        /last iterate/,
      ],
      [
        "best point of each round",
        regret(
          "  return xs.reduce((s, x, t) => s + slopes[t]! * x - Math.min(slopes[t]! * lo, slopes[t]! * hi), 0);",
        ),
        "per-round-best",
        /ONE fixed x/,
      ],
      [
        "comparator fixed at lo (x* = -1)",
        regret("  return xs.reduce((s, x, t) => s + slopes[t]! * (x - lo), 0);"),
        "fixed-lo",
        /best fixed point is lo/,
      ],
      [
        "average regret",
        regret(`  const loss = xs.reduce((s, x, t) => s + slopes[t]! * x, 0);
  const c = slopes.reduce((s, v) => s + v, 0);
  return (loss - Math.min(lo * c, hi * c)) / xs.length;`),
        "average",
        /average regret/,
      ],
    ]),
  },
};
