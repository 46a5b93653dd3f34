import assert from "node:assert/strict";
import { Rng } from "../random/rng.ts";
import { col2im, convOutputSize, type ConvShape, im2col } from "./im2col.ts";

/** The definitions, element by element (col2im's sums in patch-row order, float32). */
function reference(x: Float32Array, dcols: Float32Array, s: ConvShape) {
  const { outHeight: oh, outWidth: ow } = convOutputSize(s);
  const { batch, height: h, width: w, channels: c, kernel: k } = s;
  const cols = new Float32Array(batch * oh * ow * k * k * c);
  const dx = new Float32Array(x.length);
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let y = 0; y < oh; y++) {
      for (let xo = 0; xo < ow; xo++) {
        for (let ky = 0; ky < k; ky++) {
          for (let kx = 0; kx < k; kx++) {
            for (let ch = 0; ch < c; ch++, o++) {
              const i = ((b * h + y + ky) * w + xo + kx) * c + ch;
              cols[o] = x[i]!;
              dx[i] = dx[i]! + dcols[o]!;
            }
          }
        }
      }
    }
  }
  return { cols, dx };
}

const SHAPES: ConvShape[] = [
  { batch: 2, height: 6, width: 5, channels: 3, kernel: 3 }, // runs of 9 floats: the kernel
  { batch: 1, height: 4, width: 4, channels: 1, kernel: 1 },
  { batch: 2, height: 7, width: 6, channels: 16, kernel: 4 }, // runs of 64: by set
  { batch: 1, height: 5, width: 5, channels: 13, kernel: 5 },
];

for (const s of SHAPES) {
  Deno.test(`im2col and col2im ${JSON.stringify(s)}: the definitions, bit for bit`, () => {
    const rng = new Rng(s.channels + s.kernel);
    const x = Float32Array.from(
      { length: s.batch * s.height * s.width * s.channels },
      () => rng.normal(),
    );
    const { outHeight: oh, outWidth: ow } = convOutputSize(s);
    const n = s.batch * oh * ow * s.kernel * s.kernel * s.channels;
    const dcols = Float32Array.from({ length: n }, () => rng.normal());
    const ref = reference(x, dcols, s);
    const cols = new Float32Array(n).fill(NaN), dx = new Float32Array(x.length).fill(NaN);
    im2col(x, s, cols);
    col2im(dcols, s, dx);
    assert.deepEqual(cols, ref.cols);
    assert.deepEqual(dx, ref.dx);
    // x and cols as two views of one buffer (ConvLayer's layout)
    const both = new Float32Array(x.length + n + 5).fill(NaN);
    const [x2, cols2] = [
      both.subarray(3, 3 + x.length),
      both.subarray(3 + x.length, 3 + x.length + n),
    ];
    x2.set(x);
    im2col(x2, s, cols2);
    assert.deepEqual(cols2, ref.cols);
    assert.ok(Number.isNaN(both[3 + x.length + n]!), "nothing written past cols");
  });
}
