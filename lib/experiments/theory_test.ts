import assert from "node:assert/strict";
import { logLogSlope, regretBounds } from "./theory.ts";

Deno.test("regretBounds: the measured regret stays under Corollaries 1 and 2; the bounds grow like √T", () => {
  const { rows } = regretBounds({ steps: 200_000, points: 60 });
  for (const name of ["AMSGrad", "AdamNC"]) {
    const mine = rows.filter((r) => r.optimizer === name);
    assert.ok(mine.length > 20);
    assert.ok(mine.every((r) => r.regret <= r.bound), `${name}: regret under its bound`);
    const late = mine.filter((r) => r.t >= 10_000).map((r) => ({ x: r.t, y: r.bound }));
    const slope = logLogSlope(late);
    assert.ok(slope > 0.45 && slope < 0.6, `${name}: bound slope ${slope}`);
  }
  assert.throws(() => logLogSlope([{ x: 1, y: 1 }]), /at least 2/);
});
