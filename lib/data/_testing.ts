/**
 * Test helpers: small seeded IDX data sets with their own checksum table, and a
 * bounded HTTP server on 127.0.0.1 that serves good, truncated and corrupt files.
 *
 * @module
 */
import { Rng } from "../random/rng.ts";
import { encodeIdx } from "./idx.ts";
import { sha256Hex } from "./sha256.ts";
import type { DatasetSpec, IdxFileSet, IdxFileSpec } from "./types.ts";

/** Gzips bytes with the platform's `CompressionStream`. */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
    .pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A tiny data set: raw and gzipped files by canonical name, and a spec pinning them. */
export interface TinyDataset {
  /** Raw IDX bytes by canonical name. */
  raw: Record<string, Uint8Array>;
  /** Gzipped bytes by canonical name (without `.gz`). */
  gz: Record<string, Uint8Array>;
  /** A spec whose digests match `raw` and `gz`. */
  spec: DatasetSpec;
  /** The images and labels that went in, for comparison. */
  content: { trainPixels: Uint8Array; trainLabels: Uint8Array; testPixels: Uint8Array };
}

const NAMES = {
  trainImages: "train-images-idx3-ubyte",
  trainLabels: "train-labels-idx1-ubyte",
  testImages: "t10k-images-idx3-ubyte",
  testLabels: "t10k-labels-idx1-ubyte",
} as const;

/** Makes a seeded tiny data set (default 12 train and 5 test images of 4 × 3). */
export async function makeTinyDataset(
  seed = 1,
  sizes = { train: 12, test: 5, rows: 4, cols: 3 },
  mirrors: readonly string[] = [],
): Promise<TinyDataset> {
  const rng = new Rng(seed);
  const bytes = (n: number, max: number) => Uint8Array.from({ length: n }, () => rng.int(max));
  const px = sizes.rows * sizes.cols;
  const trainPixels = bytes(sizes.train * px, 256);
  const trainLabels = bytes(sizes.train, 10);
  const testPixels = bytes(sizes.test * px, 256);
  const raw: Record<string, Uint8Array> = {
    [NAMES.trainImages]: encodeIdx([sizes.train, sizes.rows, sizes.cols], trainPixels),
    [NAMES.trainLabels]: encodeIdx([sizes.train], trainLabels),
    [NAMES.testImages]: encodeIdx([sizes.test, sizes.rows, sizes.cols], testPixels),
    [NAMES.testLabels]: encodeIdx([sizes.test], bytes(sizes.test, 10)),
  };
  const gz: Record<string, Uint8Array> = {};
  const files: Partial<Record<keyof IdxFileSet, IdxFileSpec>> = {};
  for (const [key, name] of Object.entries(NAMES) as [keyof IdxFileSet, string][]) {
    const r = raw[name]!;
    gz[name] = await gzip(r);
    files[key] = {
      name,
      idxBytes: r.length,
      idxSha256: await sha256Hex(r),
      gzSha256: [await sha256Hex(gz[name])],
    };
  }
  const spec: DatasetSpec = {
    id: `tiny${seed}`,
    title: `Tiny test set ${seed}`,
    files: files as IdxFileSet,
    mirrors,
    systemDirs: [],
  };
  return { raw, gz, spec, content: { trainPixels, trainLabels, testPixels } };
}

/** Writes files into a folder, optionally gzipped (`name.gz`). */
export async function writeFiles(
  dir: string,
  files: Record<string, Uint8Array>,
  suffix = "",
): Promise<void> {
  await Deno.mkdir(dir, { recursive: true });
  for (const [name, b] of Object.entries(files)) await Deno.writeFile(`${dir}/${name}${suffix}`, b);
}

/** What the test server does for one path. */
export type Route =
  | { kind: "ok"; body: Uint8Array }
  | { kind: "cut"; body: Uint8Array; sendBytes: number };

/** A running test server; `close()` stops it and waits for every connection. */
export interface TestServer {
  /** `http://127.0.0.1:<port>/` */
  base: string;
  /** Paths requested, in order. */
  requests: string[];
  /** Stops listening and waits for the accept loop to end. */
  close(): Promise<void>;
}

/**
 * Serves routes over raw TCP on 127.0.0.1, port 0. `cut` announces the full
 * Content-Length, sends only `sendBytes` of the body and closes the connection (an
 * interrupted transfer); unknown paths get a 404.
 */
export function serveRoutes(routes: Record<string, Route>): TestServer {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const requests: string[] = [];
  const enc = new TextEncoder();
  const handle = async (conn: Deno.Conn) => {
    try {
      const buf = new Uint8Array(8192);
      const n = await conn.read(buf);
      const line = new TextDecoder().decode(buf.subarray(0, n ?? 0)).split("\r\n")[0] ?? "";
      const path = line.split(" ")[1] ?? "/";
      requests.push(path);
      const route = routes[path];
      if (!route) {
        await writeAll(conn, enc.encode(head(404, "Not Found", 9) + "not found"));
        return;
      }
      await writeAll(conn, enc.encode(head(200, "OK", route.body.length)));
      const send = route.kind === "ok" ? route.body.length : route.sendBytes;
      await writeAll(conn, route.body.subarray(0, send));
    } finally {
      conn.close();
    }
  };
  const pending = new Set<Promise<void>>();
  const loop = (async () => {
    for await (const conn of listener) {
      const p = handle(conn).catch(() => {}).finally(() => pending.delete(p));
      pending.add(p);
    }
  })();
  const { port } = listener.addr as Deno.NetAddr;
  return {
    base: `http://127.0.0.1:${port}/`,
    requests,
    async close() {
      listener.close();
      await loop.catch(() => {});
      await Promise.all(pending);
    },
  };
}

function head(status: number, text: string, length: number): string {
  return `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/octet-stream\r\n` +
    `Content-Length: ${length}\r\nConnection: close\r\n\r\n`;
}

async function writeAll(conn: Deno.Conn, bytes: Uint8Array): Promise<void> {
  for (let off = 0; off < bytes.length;) off += await conn.write(bytes.subarray(off));
}
