import assert from "node:assert/strict";
import { errorText, resolveStudent, throwHint } from "./student.ts";

Deno.test("resolveStudent: a function, an undefined name, a non-function", () => {
  const ok = resolveStudent<() => number>("f", () => () => 1);
  assert.ok(ok.ok && ok.fn() === 1);
  const missing = resolveStudent("amsgradPsi", () => {
    throw new ReferenceError("amsgradPsi is not defined");
  });
  assert.ok(!missing.ok);
  assert.equal(missing.message, "`amsgradPsi` is not defined");
  assert.match(missing.hint, /run the cell/);
  const num = resolveStudent("f", () => 3);
  assert.ok(!num.ok && /is number, not a function/.test(num.message));
  const nul = resolveStudent("f", () => null);
  assert.ok(!nul.ok && /is null/.test(nul.message));
});

Deno.test("throwHint: the starter's 'not implemented' versus any other throw", () => {
  assert.match(throwHint("f", new Error("f: not implemented yet")), /replace the `throw`/);
  assert.match(throwHint("f", new TypeError("x is undefined")), /must not throw/);
  assert.equal(errorText(new RangeError("bad")), "RangeError: bad");
  assert.equal(errorText("plain"), "plain");
});
