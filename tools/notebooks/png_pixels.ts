/**
 * Just enough PNG decoding to count a screenshot's pixels: 8-bit RGB or RGBA,
 * not interlaced (what Chromium's screenshots are), inflated with the
 * platform's `DecompressionStream`.
 *
 * @module
 */

/** Decoded pixels: `width × height` RGBA bytes, row by row. */
export interface Pixels {
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** RGBA bytes, 4 per pixel. */
  rgba: Uint8Array;
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(
    new DecompressionStream("deflate"),
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decode a PNG file's bytes.
 *
 * @param png the file's bytes
 * @returns its pixels as RGBA
 * @throws TypeError for anything but 8-bit RGB/RGBA, non-interlaced PNG
 */
export async function decodePng(png: Uint8Array): Promise<Pixels> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (view.getUint32(0) !== 0x89504e47) throw new TypeError("not a PNG file");
  let offset = 8, width = 0, height = 0, channels = 0;
  const idat: Uint8Array[] = [];
  while (offset < png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      const [depth, color, , , interlace] = data.subarray(8, 13);
      channels = color === 6 ? 4 : color === 2 ? 3 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) {
        throw new TypeError(`unsupported PNG: depth ${depth}, colour type ${color}`);
      }
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  const raw = await inflate(new Uint8Array(await new Blob(idat as BlobPart[]).arrayBuffer()));
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[y * stride + i - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + i]! : 0;
      const c = i >= channels && y > 0 ? out[(y - 1) * stride + i - channels]! : 0;
      const x = line[i]!;
      const v = filter === 0
        ? x
        : filter === 1
        ? x + a
        : filter === 2
        ? x + b
        : filter === 3
        ? x + ((a + b) >> 1)
        : x + paeth(a, b, c);
      out[y * stride + i] = v & 255;
    }
  }
  if (channels === 4) return { width, height, rgba: out };
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    rgba.set(out.subarray(p * 3, p * 3 + 3), p * 4);
    rgba[p * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

/**
 * The share of pixels that differ from a background colour by more than
 * `tolerance` in some channel (alpha ignored).
 *
 * @param pixels decoded pixels
 * @param background `[r, g, b]` (default white)
 * @param tolerance per-channel difference still counted as background (default 24)
 * @returns a fraction in [0, 1]
 */
export function inkFraction(
  pixels: Pixels,
  background: readonly [number, number, number] = [255, 255, 255],
  tolerance = 24,
): number {
  const { rgba } = pixels;
  let ink = 0;
  for (let p = 0; p < rgba.length; p += 4) {
    if (
      Math.abs(rgba[p]! - background[0]) > tolerance ||
      Math.abs(rgba[p + 1]! - background[1]) > tolerance ||
      Math.abs(rgba[p + 2]! - background[2]) > tolerance
    ) ink++;
  }
  return rgba.length === 0 ? 0 : ink / (rgba.length / 4);
}
