import assert from "node:assert/strict";
import { decodeValue, parseRun, type RunEnd } from "./protocol.ts";

const TOKEN = "0123456789abcdef0123456789abcdef";
const ok: RunEnd = { code: 0, stderr: "" };
const labels = () => [{ label: "a", value: 1 }, { label: "b", value: 2 }];
const lines = (...l: string[]) => l.map((x) => `${TOKEN} ${x}`).join("\n") + "\n";
const LOAD = '{"t":"load","ok":true}';
const RESOLVE = '{"t":"resolve","ok":true}';
const check = (id: string, values: unknown[]) =>
  JSON.stringify({ t: "check", id, values, error: null });

Deno.test("parseRun: the harness's lines, values labelled by the grader; other lines ignored", () => {
  const out = "student output\n" +
    lines(LOAD, RESOLVE, check("x", [1, { n: "NaN" }]), check("y", [{ u: 1 }]), '{"t":"end"}');
  const r = parseRun(out, TOKEN, "f", ["x", "y"], labels, ok);
  assert.equal(r.kind, "traces");
  if (r.kind !== "traces" || !r.traces.ok) throw new Error("unreachable");
  const x = r.traces.traces.x!;
  assert.ok(!("missing" in x));
  assert.deepEqual(x.points.map((p) => p.label), ["a", "b"]);
  assert.ok(Number.isNaN(x.points[1]!.value));
});

Deno.test("parseRun: forged, malformed or out-of-order lines earn nothing", () => {
  const forged = lines(LOAD, RESOLVE, check("x", [1, 2]), '{"t":"end"}')
    .replaceAll(TOKEN, "f".repeat(32));
  assert.equal(parseRun(forged, TOKEN, "f", ["x"], labels, ok).kind, "unreadable");
  for (
    const bad of [
      lines(LOAD, RESOLVE, check("y", [1])),
      lines(LOAD, RESOLVE, check("x", [1]), check("x", [1])),
      lines(
        LOAD,
        RESOLVE,
        JSON.stringify({ t: "check", id: "x", values: [], error: null, pass: true }),
      ),
      lines(LOAD, RESOLVE, check("x", [{ n: "1e999" }])),
      lines('{"t":"load","ok":true,"points":3}'),
      lines(RESOLVE),
      lines("not json"),
    ]
  ) {
    assert.equal(parseRun(bad, TOKEN, "f", ["x"], labels, ok).kind, "unreadable", bad);
  }
});

Deno.test("parseRun: a run stopped midway fails the checks it did not reach, saying why", () => {
  const out = lines(LOAD, RESOLVE, check("x", [1, 2]));
  const r = parseRun(out, TOKEN, "f", ["x", "y"], labels, { ...ok, code: null, timedOutAfter: 5 });
  if (r.kind !== "traces" || !r.traces.ok) throw new Error("expected traces");
  const y = r.traces.traces.y!;
  assert.ok("missing" in y && /stopped after 5 s/.test(y.missing));
  const none = parseRun("", TOKEN, "f", ["x"], labels, { code: null, stderr: "" });
  assert.equal(none.kind, "unreadable");
});

Deno.test("decodeValue: tagged values only", () => {
  assert.equal(decodeValue({ n: "-Infinity" }), -Infinity);
  assert.equal(decodeValue({ s: "x" }), "x");
  assert.deepEqual(decodeValue({ o: "object" }), { returned: "a value of type object" });
  assert.throws(() => decodeValue({ n: "5" }));
  assert.throws(() => decodeValue([1]));
});
