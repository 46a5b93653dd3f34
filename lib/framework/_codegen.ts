/**
 * Code from the description of `_update.ts`: JavaScript loops in float64 or in
 * float32 arithmetic (every operation rounded with `Math.fround`), the blocks'
 * loops (`_blocks.ts`), and WebAssembly SIMD text, four coordinates per
 * instruction. Each statement's
 * value becomes one named temporary per operation, in the same order in every
 * target, so the targets round alike.
 *
 * @module
 */
import { AT, type BlockLoop, type Expr, type Facts, type Scalar, type Stmt } from "./_update.ts";
import type { Vec } from "./types.ts";

/** A generated loop over coordinates [lo, hi): the scalars record, then the arrays. */
export type Kernel = (
  S: Float64Array,
  x: Vec,
  g: Vec,
  m: Vec,
  v: Vec | null,
  vh: Vec | null,
  w: Vec | null,
  loAt: Vec | null,
  hiAt: Vec | null,
  lo: number,
  hi: number,
) => void;

/** Scalars an expression list reads. */
function scalarsOf(body: readonly Stmt[]): Scalar[] {
  const seen = new Set<Scalar>();
  const walk = (e: Expr): void => {
    if (e.op === "scalar") seen.add(e.name);
    if (e.op === "pow2p") seen.add("P2");
    if ("a" in e) walk(e.a);
    if ("b" in e) walk(e.b);
  };
  for (const s of body) walk(s.value);
  return [...seen];
}

const jsNumber = (v: number) =>
  v === Infinity ? "Infinity" : v === -Infinity ? "-Infinity" : Object.is(v, -0) ? "-0" : String(v);

/** The statements of one coordinate `i` of a loop running `body` (see {@link jsSource}). */
function jsLines(body: readonly Stmt[], float32: boolean, reread: boolean): string[] {
  const r = (e: string) => (float32 ? `f(${e})` : e);
  const lines: string[] = [];
  let n = 0;
  const expr = (e: Expr): string => {
    switch (e.op) {
      case "load":
        return `${e.array}[i]`;
      case "scalar":
        return e.name;
      case "const":
        // In float32 arithmetic a folded scalar is the float32 the record's
        // f(S[k]) would give (as WebAssembly's f32.const): ε = 1e-8 is not one.
        return jsNumber(float32 ? Math.fround(e.value) : e.value);
      case "ref":
      case "arg":
        return e.name;
      default: {
        const name = `t${n++}`;
        let value: string;
        if (e.op === "sqrt") value = r(`Math.sqrt(${expr(e.a)})`);
        else if (e.op === "abs") value = `Math.abs(${expr(e.a)})`;
        else if (e.op === "sign") {
          const a = expr(e.a);
          value = `${a} > 0 ? 1 : ${a} < 0 ? -1 : 0`;
        } else if (e.op === "pow2p") value = `Math.pow(${expr(e.a)}, P2)`;
        else if (e.op === "orInf") {
          const a = expr(e.a);
          value = `${a} === 0 ? Infinity : ${a}`;
        } else {
          const a = expr(e.a), b = expr((e as { b: Expr }).b);
          const sym = { add: "+", sub: "-", mul: "*", div: "/" } as Record<string, string>;
          if (e.op === "max") value = `${a} < ${b} ? ${b} : ${a}`;
          else if (e.op === "min") value = `${b} < ${a} ? ${b} : ${a}`;
          else if (e.op === "safeDiv") value = `${b} === 0 ? ${a} / Infinity : ${r(`${a} / ${b}`)}`;
          else value = r(`${a} ${sym[e.op]} ${b}`);
        }
        lines.push(`const ${name} = ${value};`);
        return name;
      }
    }
  };
  for (const s of body) {
    const value = expr(s.value);
    if (s.kind === "let") {
      lines.push(`let ${s.name} = ${value};`);
    } else {
      lines.push(`${s.array}[i] = ${value};`);
      if (reread && s.value.op === "ref") lines.push(`${s.value.name} = ${s.array}[i];`);
    }
  }
  return lines;
}

/**
 * The JavaScript source of a loop running `body` (see {@link Kernel}). With
 * `reread` (float64 arithmetic on Float32Arrays), a value stored into an array
 * is read back, so that what follows sees it rounded as the array holds it, as
 * the blocks' separate loops do.
 */
export function jsSource(body: readonly Stmt[], float32: boolean, reread = false): string {
  const lines = jsLines(body, float32, reread);
  const reads = scalarsOf(body).map((name) =>
    `const ${name} = ${float32 ? `f(S[${AT[name]}])` : `S[${AT[name]}]`};`
  );
  return `"use strict";
const f = Math.fround;
return function kernel(S, x, g, m, v, vh, w, loAt, hiAt, lo, hi) {
  ${reads.join("\n  ")}
  for (let i = lo; i < hi; i++) {
    ${lines.join("\n    ")}
  }
};`;
}

/**
 * A loop running `body`, compiled from {@link jsSource}. Each call compiles a
 * copy of its own (with its own type feedback: call it for one array type only).
 */
export function jsKernel(body: readonly Stmt[], float32: boolean, reread = false): Kernel {
  return new Function(jsSource(body, float32, reread))() as Kernel;
}

/**
 * The JavaScript source of a block's loop `name(…arrays, …args, lo, hi)` in
 * float64 arithmetic. `tag` ends the text: V8 shares compiled code, and with it
 * type feedback, between functions of the same source, so each array type's
 * copy needs a tag of its own.
 */
export function jsBlockSource(name: string, loop: BlockLoop, tag: string): string {
  return `"use strict";
return function ${name}(${[...loop.arrays, ...loop.args, "lo", "hi"].join(", ")}) {
  for (let i = lo; i < hi; i++) {
    ${jsLines(loop.body, false, false).join("\n    ")}
  }
}; // ${tag}`;
}

/**
 * A block's loop `name` on `arrays` of one type, compiled from
 * {@link jsBlockSource}; call it for arrays of that type only.
 */
export function jsBlock(name: string, loop: BlockLoop, tag: string): BlockKernel {
  return new Function(jsBlockSource(name, loop, tag))() as BlockKernel;
}

/** A block's loop: its arrays, its scalar arguments, then lo and hi. */
export type BlockKernel = (...args: (Vec | number)[]) => void;

/**
 * One function that sends each call of a block's loop to `f32` when its first
 * array is a Float32Array, else to `f64`: each call site in it sees one
 * function, which V8 then inlines (a 1-D step's speed depends on it).
 */
export function byArrayType(loop: BlockLoop, f32: BlockKernel, f64: BlockKernel): BlockKernel {
  const params = [...loop.arrays, ...loop.args, "lo", "hi"].join(", ");
  return new Function(
    "f32",
    "f64",
    `"use strict";
return function run(${params}) {
  if (${loop.arrays[0]}.BYTES_PER_ELEMENT === 4) f32(${params});
  else f64(${params});
};`,
  )(f32, f64) as BlockKernel;
}

const watNumber = (v: number) => (v === Infinity ? "inf" : v === -Infinity ? "-inf" : String(v));

/**
 * The WebAssembly text of a function `name(x, g, m, v, vh, n, sc)` running
 * `body` on `n` coordinates (a multiple of 4) of the float32 arrays at byte
 * addresses x, g, m, v, vh, reading the scalars, rounded to float32, from the
 * record at byte address `sc` (in the order of `SCALARS`).
 */
export function watFunction(name: string, body: readonly Stmt[]): string {
  const lines: string[] = [];
  const locals: string[] = [];
  let n = 0;
  const at = (array: string) => `(i32.add (local.get $${array}) (local.get $o))`;
  const expr = (e: Expr): string => {
    switch (e.op) {
      case "load":
        return `(v128.load ${at(e.array)})`;
      case "scalar":
        return `(local.get $S_${e.name})`;
      case "const":
        return `(f32x4.splat (f32.const ${watNumber(e.value)}))`;
      case "ref":
        return `(local.get $${e.name})`;
      case "arg":
        throw new Error("a block's loop has no float32 kernel");
      default: {
        const t = `$t${n++}`;
        locals.push(t);
        let value: string;
        if (e.op === "sqrt") value = `(f32x4.sqrt ${expr(e.a)})`;
        else if (e.op === "abs") value = `(f32x4.abs ${expr(e.a)})`;
        else if (e.op === "pow2p" || e.op === "orInf" || e.op === "sign") {
          throw new Error(`${e.op} has no float32 kernel`);
        } else {
          const a = expr(e.a), b = expr((e as { b: Expr }).b);
          const ins = {
            add: "f32x4.add",
            sub: "f32x4.sub",
            mul: "f32x4.mul",
            div: "f32x4.div",
            max: "f32x4.pmax",
            min: "f32x4.pmin",
          } as Record<string, string>;
          value = e.op === "safeDiv"
            ? `(v128.bitselect (f32x4.div ${a} (f32x4.splat (f32.const inf))) (f32x4.div ${a} ${b})
          (f32x4.eq ${b} (f32x4.splat (f32.const 0))))`
            : `(${ins[e.op]} ${a} ${b})`;
        }
        lines.push(`(local.set ${t} ${value})`);
        return `(local.get ${t})`;
      }
    }
  };
  for (const s of body) {
    const value = expr(s.value);
    if (s.kind === "let") {
      locals.push(`$${s.name}`);
      lines.push(`(local.set $${s.name} ${value})`);
    } else {
      lines.push(`(v128.store ${at(s.array)} ${value})`);
    }
  }
  const reads = scalarsOf(body);
  return `
  (func (export "${name}")
    (param $x i32) (param $g i32) (param $m i32) (param $v i32) (param $vh i32) (param $n i32)
    (param $sc i32)
    (local $o i32) (local $end i32)
    ${[...reads.map((r) => `$S_${r}`), ...locals].map((l) => `(local ${l} v128)`).join(" ")}
    ${
    reads.map((r) =>
      `(local.set $S_${r} (f32x4.splat (f32.load offset=${4 * AT[r]} (local.get $sc))))`
    )
      .join("\n    ")
  }
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
      ${lines.join("\n      ")}
      (local.set $o (i32.add (local.get $o) (i32.const 16)))
      (br $next))))`;
}

/**
 * A compiled test of `facts` on a scalars record: the condition under which a
 * copy folded by them applies (`fold`'s `used`), as code.
 */
export function factsTest(facts: Facts): (S: ArrayLike<number>) => boolean {
  return new Function("S", `return ${factsSource(facts)};`) as (S: ArrayLike<number>) => boolean;
}

/** The test of `facts` on `S` as a JavaScript expression. */
function factsSource(facts: Facts): string {
  const terms = [
    ...Object.entries(facts.equal ?? {}).map(([name, v]) =>
      // === treats −0 as 0, as the folding does (see `PLAIN`).
      `S[${AT[name as Scalar]}] === ${jsNumber(v as number)}`
    ),
    ...(facts.positive ?? []).map((name) => `S[${AT[name]}] > 0`),
  ];
  return terms.join(" && ") || "true";
}

/**
 * One loop that runs `plain` when `facts` hold for its scalars record, else
 * `general`: the choice and both loops in one function, so that a step calls
 * one function and the engine can inline both.
 */
export function dispatch(facts: Facts, plain: Kernel, general: Kernel): Kernel {
  const test = factsSource(facts);
  return new Function(
    "plain",
    "general",
    `"use strict";
return function run(S, x, g, m, v, vh, w, loAt, hiAt, lo, hi) {
  if (${test}) plain(S, x, g, m, v, vh, w, loAt, hiAt, lo, hi);
  else general(S, x, g, m, v, vh, w, loAt, hiAt, lo, hi);
};`,
  )(plain, general) as Kernel;
}
