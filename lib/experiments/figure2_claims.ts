/**
 * Figure 2's claims as the paper words them, each judged by the declared rule
 * on paired differences over seeds (AMSGrad − Adam; the paper's direction is
 * "AMSGrad lower"), rows beyond the paper, and the published reproduction set
 * beside ours like for like.
 *
 * @module
 */
import { meanInterval } from "../stats/interval.ts";
import type { PairedDifference } from "../stats/paired.ts";
import { type Verdict, verdictOf } from "../stats/verdict.ts";
import { type Claim, fmt, fmtDifference } from "./claims.ts";
import type { Figure2Result } from "./figure2.ts";
import {
  cellRuns,
  type CellStats,
  compareCells,
  type GridRobustness,
  gridRobustness,
  runLabel,
  runValue,
} from "./figure2_analysis.ts";
import { FDLM_SOURCE, publishedBest } from "./published.ts";

/** The paper's sentences that Figure 2's claims quote. */
export const FIGURE2_QUOTES = {
  logregLoss:
    "We can see that AMSGRAD performs better than ADAM with respect to both train and test loss.",
  logregRobust:
    "We also observed that AMSGRAD is relatively more robust to parameter changes in comparison " +
    "to ADAM.",
  mlpCaption: "The top row shows performance of ADAM and AMSGRAD on logistic regression (left " +
    "and center) and 1-hidden layer feedforward neural network (right) on MNIST.",
  cifar: "We can see that AMSGRAD performs considerably better than ADAM on train loss and " +
    "accuracy. Furthermore, this performance gain also translates into good performance on " +
    "test loss.",
} as const;

const cellText = (c: CellStats, q: "trainLoss" | "testLoss" | "validationLoss", alphas: number[]) =>
  `${runLabel(c)} (α = ${c.alpha}${
    c.alpha === Math.min(...alphas) || c.alpha === Math.max(...alphas) ? ", at the grid's edge" : ""
  }, β2 = ${c.beta2}) ${fmt(c[q])}`;

function verdict(d: PairedDifference | null, paper: boolean): Verdict {
  if (!paper) return "info";
  return d === null ? "inconclusive" : verdictOf(d, "negative");
}

function lossClaim(
  r: Figure2Result,
  q: "trainLoss" | "testLoss",
  where: string,
  quote: string,
  paper: boolean,
): Claim {
  const sel = q === "trainLoss" ? r.selected.train : r.selected.validation;
  const d = compareCells(r.runs, sel.amsgrad, sel.adam, q);
  const name = q === "trainLoss" ? "final training loss" : "final test loss";
  const how = q === "trainLoss"
    ? "each optimizer at its cell with the lowest mean final training loss (the paper's view)"
    : "each optimizer at its cell selected on validation loss; the test set is used once, here";
  return {
    where: `${where}: ${q === "trainLoss" ? "training" : "test"} loss`,
    quote,
    judged: `${name}, mean of ${d?.n ?? r.grid.seeds.length} seeds, ${how}; ` +
      `the paper's direction: AMSGrad lower`,
    ours: `${cellText(sel.adam, q, r.grid.alphas)}; ${cellText(sel.amsgrad, q, r.grid.alphas)}; ` +
      fmtDifference(d, "AMSGrad − Adam"),
    verdict: verdict(d, paper),
    statistic: d,
  };
}

/** "median L/L_best AMSGrad 1.08, Adam 1.21; worst …; within 10% …; cell wins …". */
export function robustnessText(g: GridRobustness): string {
  const { a, b } = g.grid;
  const r = (x: number) => fmt(x, 3);
  return `over the grid of seed means, L_best ${fmt(g.grid.best)}: median L/L_best AMSGrad ` +
    `${r(a.medianRatio)}, Adam ${r(b.medianRatio)}; worst AMSGrad ${r(a.worstRatio)}, Adam ` +
    `${r(b.worstRatio)}; cells within 10% of L_best AMSGrad ${fmt(100 * a.withinTenPercent, 0)}%` +
    `, Adam ${fmt(100 * b.withinTenPercent, 0)}%; paired cell wins AMSGrad ${a.wins}, Adam ` +
    `${b.wins} of ${a.cells}. Per seed, ` +
    fmtDifference(g.difference, "median ratio AMSGrad − Adam", 3);
}

function robustClaim(
  r: Figure2Result,
  q: "trainLoss" | "validationLoss",
  where: string,
  quote: string,
  paper: boolean,
): Claim {
  const g = gridRobustness(r.runs, q);
  const name = q === "trainLoss" ? "final training loss" : "final validation (held-out) loss";
  return {
    where: `${where}: robustness, ${q === "trainLoss" ? "training" : "validation"} loss`,
    quote,
    judged: `${name} over the ${r.grid.alphas.length} α × ${r.grid.beta2s.length} β2 grid, ` +
      "L/L_best against the best cell of both optimizers; the verdict rests on each seed's " +
      "median ratio, paired; the paper's direction: AMSGrad's lower",
    ours: robustnessText(g),
    verdict: verdict(g.difference, paper),
    statistic: g.difference,
  };
}

/** The published reproduction (logistic regression) beside ours, like for like. */
export function publishedClaims(r: Figure2Result): Claim[] {
  const ours = (q: "validationLoss" | "minValidationLoss") =>
    compareCells(r.runs, r.selected.validation.amsgrad, r.selected.validation.adam, q);
  const mean = (c: CellStats, q: "validationLoss" | "minValidationLoss") =>
    meanInterval(cellRuns(r.runs, c).map((x) => runValue(x, q))).mean;
  const rows: Claim[] = [];
  for (
    const [theirs, q, label] of [
      ["finalValidationLoss", "validationLoss", "last-epoch"],
      ["minValidationLoss", "minValidationLoss", "minimum-over-epochs"],
    ] as const
  ) {
    const p = publishedBest(theirs, false);
    const pText = (o: "adam" | "amsgrad") =>
      `${o === "adam" ? "Adam" : "AMSGrad"} (lr ${p[o].cell.lr}, β2 ${p[o].cell.beta2}) ` +
      `${fmt(p[o].interval.mean)} [${fmt(p[o].interval.lo)}, ${fmt(p[o].interval.hi)}]`;
    const va = r.selected.validation;
    rows.push({
      where: "Published reproduction: Korzeniowski (fdlm/amsgrad_experiments), logistic regression",
      quote: `${label} validation loss, best cell per optimizer, no bias correction (as ours)`,
      judged: `theirs: 5 unpaired runs, 150 epochs, lr annealed linearly to 0, mean-subtracted ` +
        `inputs (${FDLM_SOURCE}); ours: ${r.grid.seeds.length} paired seeds, ${r.grid.steps} ` +
        `steps, α/√t, at our validation-selected cells` +
        (q === "minValidationLoss"
          ? `, minimum over evaluations every ${r.grid.evalEvery} steps`
          : ""),
      ours:
        `theirs: ${pText("adam")}; ${pText("amsgrad")}; AMSGrad − Adam ${
          fmt(p.amsgrad.interval.mean - p.adam.interval.mean)
        }. Ours: Adam ${fmt(mean(va.adam, q))}, AMSGrad ${fmt(mean(va.amsgrad, q))}; ` +
        fmtDifference(ours(q), "AMSGrad − Adam"),
      verdict: "info",
      statistic: ours(q),
    });
  }
  return rows;
}

/** Every claim row of Figure 2 for one model, in the order the README shows them. */
export function figure2Claims(r: Figure2Result): Claim[] {
  if (r.grid.model === "logreg") {
    const where = "§5 Logistic Regression; Figure 2 (top left and centre)";
    return [
      lossClaim(r, "trainLoss", where, FIGURE2_QUOTES.logregLoss, true),
      lossClaim(r, "testLoss", where, FIGURE2_QUOTES.logregLoss, true),
      robustClaim(r, "trainLoss", "§5 Logistic Regression", FIGURE2_QUOTES.logregRobust, true),
      robustClaim(r, "validationLoss", "§5 Logistic Regression", FIGURE2_QUOTES.logregRobust, true),
      ...publishedClaims(r),
    ];
  }
  const beyond = "Beyond the paper (1-hidden-layer network)";
  const claims: Claim[] = [
    {
      ...lossClaim(
        r,
        "trainLoss",
        "Figure 2 (top right), caption; the text states no result",
        `${FIGURE2_QUOTES.mlpCaption} (The plot shows AMSGrad's loss below Adam's.)`,
        true,
      ),
    },
    lossClaim(r, "testLoss", beyond, "The paper shows no test loss for this network", false),
    robustClaim(
      r,
      "trainLoss",
      beyond,
      "The paper claims robustness to α and β2 for logistic regression only",
      false,
    ),
    robustClaim(r, "validationLoss", beyond, "The same question, on held-out loss", false),
  ];
  for (const label of new Set(r.extras.map((e) => runLabel(e.settings)))) {
    const rs = r.extras.filter((e) => runLabel(e.settings) === label);
    const s = rs[0]!.settings;
    const m = (q: "trainLoss" | "testLoss") => {
      const v = rs.map((x) => runValue(x, q));
      if (!v.every(Number.isFinite)) return "diverged on some seed";
      const i = meanInterval(v);
      return `${fmt(i.mean)} [${fmt(i.lo)}, ${fmt(i.hi)}]`;
    };
    claims.push({
      where: `${beyond}: ${label}`,
      quote: `Untuned: run at AMSGrad's validation-selected α = ${s.alpha}, β2 = ${s.beta2}`,
      judged: `mean of ${rs.length} seeds with 95% CI`,
      ours: `final training loss ${m("trainLoss")}, test loss ${m("testLoss")}`,
      verdict: "info",
    });
  }
  return claims;
}
