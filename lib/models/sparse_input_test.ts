import assert from "node:assert/strict";
import { sparseRandom } from "../kernels/_testing.ts";
import { emptySparse } from "../kernels/csr.ts";
import { Rng } from "../random/rng.ts";
import { denseBackward, sparseInput } from "./_dense.ts";
import { logisticRegression } from "./logistic_regression.ts";
import { mlp } from "./mlp.ts";
import type { Model } from "./types.ts";

/** Loss, gradient and evaluation of `sparse` and `dense` (the same model) agree bit for bit. */
function assertSameResults(sparse: Model, dense: Model, rng: Rng, batch: number, density: number) {
  const x = sparseRandom(rng, batch, sparse.inputs, density).map(Math.abs);
  const y = Uint8Array.from({ length: batch }, () => rng.int(sparse.classes));
  for (const scheme of sparse.schemes) {
    const params = sparse.init(rng, scheme);
    if (scheme === sparse.schemes[0]) params.forEach((_, i) => params[i] = rng.normal());
    const [gS, gD] = [new Float32Array(sparse.size), new Float32Array(sparse.size)];
    const label = `${sparse.name} ${scheme}, batch ${batch}, density ${density}`;
    assert.ok(
      Object.is(
        sparse.lossAndGrad(params, x, y, batch, gS),
        dense.lossAndGrad(params, x, y, batch, gD),
      ),
      label,
    );
    for (let i = 0; i < gS.length; i++) {
      assert.ok(Object.is(gS[i]! + 0, gD[i]! + 0), `${label}: grad[${i}] ${gS[i]} vs ${gD[i]}`);
    }
    assert.deepEqual(sparse.evaluate(params, x, y, batch), dense.evaluate(params, x, y, batch));
  }
}

Deno.test("the sparse input path gives the dense path's loss and gradient bit for bit", () => {
  const rng = new Rng(11);
  for (const [batch, density] of [[1, 0.2], [37, 0.19], [128, 0.19], [20, 0], [9, 0.5]]) {
    const opts = { inputs: 784, hidden: 100, classes: 10 };
    assertSameResults(
      mlp({ ...opts, sparseDensity: 1 }),
      mlp({ ...opts, sparseDensity: 0 }),
      rng,
      batch!,
      density!,
    );
    assertSameResults(
      logisticRegression({ sparseDensity: 1 }),
      logisticRegression({ sparseDensity: 0 }),
      rng,
      batch!,
      density!,
    );
  }
  // Odd sizes: panels with a tail (hidden 37 → 10 vectors, classes 3 → 1 vector).
  const odd = { inputs: 30, hidden: 37, classes: 3 };
  assertSameResults(
    mlp({ ...odd, sparseDensity: 1 }),
    mlp({ ...odd, sparseDensity: 0 }),
    rng,
    17,
    0.3,
  );
});

Deno.test("sparseInput takes the sparse path at or below the density threshold only", () => {
  const rng = new Rng(12);
  const into = emptySparse();
  const x = sparseRandom(rng, 10, 20, 0.25);
  const nnz = x.filter((v) => v !== 0).length;
  assert.equal(sparseInput(x, 10, 20, into, nnz / 200), into);
  assert.equal(into.x.nnz, nnz);
  assert.equal(sparseInput(x, 10, 20, into, (nnz - 1) / 200), x);
  assert.equal(sparseInput(x, 10, 20, into, 0), x);
  const zeros = new Float32Array(200);
  assert.equal(sparseInput(zeros, 10, 20, into, 0.01), into); // 0 = off, even for zeros:
  assert.equal(sparseInput(zeros, 10, 20, into, 0), zeros);
});

Deno.test("sparseInput forward-only builds no Xᵀ, and a backward pass refuses it", () => {
  const rng = new Rng(13);
  const into = emptySparse();
  const x = sparseRandom(rng, 6, 20, 0.25);
  assert.equal(sparseInput(x, 6, 20, into, 1, true), into);
  assert.equal(into.x.nnz, x.filter((v) => v !== 0).length);
  assert.equal(into.xT.rows, 0);
  const w = new Float32Array(20 * 3);
  const dz = new Float32Array(6 * 3);
  assert.throws(
    () => denseBackward(into, w, dz, 6, new Float32Array(60), new Float32Array(3), null),
    /forward-only/,
  );
});
