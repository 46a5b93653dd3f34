/**
 * The methods beyond the paper: a hand-derived first step for each, and the
 * equivalences that tie them to the paper's methods. AdamW, AdaMax, NAdam and
 * RAdam are also replayed against PyTorch in `torch_golden_test.ts`.
 *
 * @module
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  adabelief,
  adabound,
  adamax,
  adamw,
  adamx,
  amsbound,
  amsgrad,
  padam,
  radam,
  yogi,
} from "./mod.ts";
import type { Optimizer } from "../framework/types.ts";

const f64 = (...a: number[]) => new Float64Array(a);
/** |a − b| ≤ tol·max(1, |b|). */
const close = (a: number, b: number, tol: number) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b} (tolerance ${tol})`);
/** x after one step from x_1 = 1 with gradient g. */
function firstStep(opt: Optimizer, g = 1): number {
  const state = opt.init(f64(1));
  opt.step(state, f64(g));
  return state.x[0]!;
}
/** Runs two optimizers on the same stream and asserts that every x_t is the same double. */
function assertSameTrajectory(a: Optimizer, b: Optimizer, gs: number[]): void {
  const sa = a.init(f64(0.3));
  const sb = b.init(f64(0.3));
  for (const g of gs) {
    a.step(sa, f64(g));
    b.step(sb, f64(g));
    assert.ok(Object.is(sa.x[0], sb.x[0]), `x_${sa.t + 1}: ${sa.x[0]} vs ${sb.x[0]}`);
  }
}
const streams = fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { maxLength: 50 });

Deno.test("AdamW: x ← (1 − αλ)x, then the Adam step", () => {
  // α = 0.1, λ = 0.5, g = 1 (PyTorch): 0.95·1 − 0.1·1/(1 + 1e−8)
  const x = firstStep(adamw({ alpha: 0.1, weightDecay: 0.5, variant: "pytorch" }));
  close(x, 0.95 - 0.1 / (1 + 1e-8), 1e-15);
});

Deno.test("AdaMax: u_1 = |g_1| + ε, x_2 = x_1 − α/(1 − β1)·m_1/u_1", () => {
  // g = 2: m_1 = 0.2, u_1 = 2 + 1e−8, x_2 = 1 − (0.1/0.1)·0.2/(2 + 1e−8) ≈ 0.9
  close(firstStep(adamax({ alpha: 0.1 }), 2), 1 - 0.2 / (2 + 1e-8), 1e-15);
});

Deno.test("RAdam: while ρ_t ≤ 5 the step is SGD with corrected momentum", () => {
  // t = 1: ρ_1 = ρ_∞ − 2β2/(1 − β2) = 1 ≤ 5, so x_2 = 1 − α·m_1/(1 − β1) = 1 − α·g.
  close(firstStep(radam({ alpha: 0.1 }), 3), 1 - 0.1 * 3, 1e-15);
});

Deno.test("Yogi (optax): m_0 = v_0 = 1e−6, v grows by (1 − β2)g² while v < g²", () => {
  // g = 1: m_1 = 0.9e−6 + 0.1, v_1 = 1e−6 + 0.001·1; bc1 = 0.1, bc2 = 0.001;
  // x_2 = 1 − 0.01·(m_1/0.1)/(√(v_1/0.001) + 1e−3)
  const m1 = 0.9 * 1e-6 + 0.1;
  const v1 = 1e-6 + 0.001;
  close(firstStep(yogi()), 1 - (0.01 * (m1 / 0.1)) / (Math.sqrt(v1 / 0.001) + 1e-3), 1e-15);
});

Deno.test("AdaBelief: s uses g_t − m_t (the paper, the authors' code), not optax's g_t − m_{t−1}", () => {
  // g = 1: m_1 = 0.1, s_1 = 0.001·(1 − 0.1)² + 1e−16; x_2 = 1 − 0.1·(m_1/0.1)/(√(s_1/0.001) + 1e−16)
  // ≈ 1 − 0.1/0.9 = 0.8889. optax's g − m_0 = 1 would give s_1 = 0.001 and x_2 = 0.9.
  const s1 = 0.001 * 0.81 + 1e-16;
  close(firstStep(adabelief({ alpha: 0.1 })), 1 - 0.1 / (Math.sqrt(s1 / 0.001) + 1e-16), 1e-15);
});

Deno.test("AdaBound: η_t is clipped to [α*(1 − 1/(γt + 1)), α*(1 + 1/(γt))]", () => {
  // t = 1, α* = 0.1, γ = 1e−3: bounds [0.1·(1 − 1/1.001), 0.1·1001] = [9.99e−5, 100.1].
  // Inside: η = α·√bc2/bc1/(√v_1 + ε) ≈ 10α; x_2 = 1 − η·m_1, m_1 = 0.1.
  const eta = (a: number) => (a * Math.sqrt(0.001)) / 0.1 / (Math.sqrt(0.001) + 1e-8);
  close(firstStep(adabound({ alpha: 1e-3 })), 1 - eta(1e-3) * 0.1, 1e-15);
  close(firstStep(adabound({ alpha: 20 })), 1 - 0.1 * 1001 * 0.1, 1e-13); // upper bound
  close(firstStep(adabound({ alpha: 1e-8 })), 1 - 0.1 * (1 - 1 / 1.001) * 0.1, 1e-15); // lower
});

Deno.test("AMSBound with bounds that never bind is AMSGrad (Keras-style correction)", () => {
  fc.assert(
    fc.property(streams, (gs) => {
      assertSameTrajectory(
        amsbound({ alpha: 0.01, finalAlpha: 1, gamma: 1e-12 }),
        amsgrad({ alpha: 0.01, variant: "keras", eps: 1e-8 }),
        gs,
      );
    }),
    { seed: 61, numRuns: 100 },
  );
});

Deno.test("Padam: (√v̂ + ε)^{2p}; p = ½ is AMSGrad, p = 0 is momentum SGD", () => {
  // p = ¼, α = 0.1, g = 1: x_2 = 1 − 0.1·(√bc2/bc1)·m_1/(√0.001 + 1e−8)^{1/2} ≈ 0.98222
  const step = (0.1 * Math.sqrt(0.001)) / 0.1;
  const x = firstStep(padam({ alpha: 0.1, p: 0.25 }));
  close(x, 1 - (step * 0.1) / Math.sqrt(Math.sqrt(0.001) + 1e-8), 1e-15);
  close(x, 0.98222, 1e-5);
  // p = 0: D^0 = 1, so x_2 = 1 − α√bc2/bc1·m_1 whatever v̂ is.
  close(firstStep(padam({ alpha: 0.1, p: 0 })), 1 - step * 0.1, 1e-15);
  fc.assert(
    fc.property(streams, (gs) => {
      assertSameTrajectory(
        padam({ alpha: 0.05, p: 0.5, eps: 1e-8 }),
        amsgrad({ alpha: 0.05, variant: "keras", eps: 1e-8 }),
        gs,
      );
    }),
    { seed: 62, numRuns: 100 },
  );
});

Deno.test("AdamX with a constant β1 is AMSGrad (the factor (1 − β_{1t})²/(1 − β_{1,t−1})² is 1)", () => {
  fc.assert(
    fc.property(streams, (gs) => {
      const o = { alpha: 0.1, beta1: 0.9, beta2: 0.99, schedule: "invsqrt" as const };
      assertSameTrajectory(adamx({ ...o, beta1Schedule: "constant" }), amsgrad(o), gs);
    }),
    { seed: 63, numRuns: 100 },
  );
  // With its default β_{1t} = β1/t the factor exceeds 1 and the trajectories part.
  const a = adamx({ alpha: 0.1 });
  const b = amsgrad({ alpha: 0.1, schedule: "invsqrt", beta1Schedule: "inverse" });
  const sa = a.init(f64(0));
  const sb = b.init(f64(0));
  for (const g of [1, 0.1, 0.1]) {
    a.step(sa, f64(g));
    b.step(sb, f64(g));
  }
  assert.ok(sa.slots.vHat![0]! > sb.slots.vHat![0]!);
});
