import assert from "node:assert/strict";
import { incompleteBeta, logGamma, studentTCdf, studentTQuantile } from "./student_t.ts";

Deno.test("logGamma: Γ(n) = (n − 1)! and Γ(½) = √π", () => {
  assert.ok(Math.abs(logGamma(5) - Math.log(24)) < 1e-12);
  assert.ok(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI)) < 1e-12);
  assert.ok(Math.abs(logGamma(11) - Math.log(3628800)) < 1e-11);
});

Deno.test("incompleteBeta: closed forms I_x(1, 1) = x and I_x(a, 1) = x^a", () => {
  for (const x of [0.1, 0.5, 0.93]) {
    assert.ok(Math.abs(incompleteBeta(x, 1, 1) - x) < 1e-13);
    assert.ok(Math.abs(incompleteBeta(x, 3, 1) - x ** 3) < 1e-13);
  }
  assert.throws(() => incompleteBeta(1.5, 1, 1), /\[0, 1\]/);
});

Deno.test("studentTCdf: df = 1 is the Cauchy distribution, ½ + atan(t)/π", () => {
  for (const t of [-3, -0.5, 0.7, 12.706]) {
    assert.ok(Math.abs(studentTCdf(t, 1) - (0.5 + Math.atan(t) / Math.PI)) < 1e-12);
  }
});

Deno.test("studentTQuantile: the printed t table (two-sided 95% and 90%)", () => {
  const table: [number, number, number][] = [
    // [p, df, value to 3 decimals], from any statistics textbook's table.
    [0.975, 1, 12.706],
    [0.975, 2, 4.303],
    [0.975, 4, 2.776],
    [0.975, 9, 2.262],
    [0.975, 19, 2.093],
    [0.975, 30, 2.042],
    [0.975, 120, 1.98],
    [0.95, 5, 2.015],
    [0.95, 10, 1.812],
  ];
  for (const [p, df, v] of table) {
    assert.equal(studentTQuantile(p, df).toFixed(3), v.toFixed(3), `t(${p}, ${df})`);
  }
  assert.ok(Math.abs(studentTQuantile(0.975, 1e7) - 1.959964) < 1e-5);
  assert.equal(studentTQuantile(0.025, 4), -studentTQuantile(0.975, 4));
  assert.throws(() => studentTQuantile(1, 4), /p must be/);
  assert.throws(() => studentTQuantile(0.9, 0), /degrees of freedom/);
});
