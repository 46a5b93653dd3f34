import assert from "node:assert/strict";
import { downloadVerified } from "./download.ts";
import { DownloadError } from "./errors.ts";
import { makeTinyDataset, serveRoutes } from "./_testing.ts";
import { sha256Hex } from "./sha256.ts";

const tiny = await makeTinyDataset(5, { train: 40, test: 5, rows: 6, cols: 5 });
const spec = tiny.spec.files.trainImages;
const gz = tiny.gz[spec.name]!;
const file = `${spec.name}.gz`;

async function listDir(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  return names.sort();
}

/** Runs `body` with a fresh cache folder and a server for the given routes. */
async function withServer(
  routes: Parameters<typeof serveRoutes>[0],
  body: (base: string, dir: string) => Promise<void>,
) {
  const dir = await Deno.makeTempDir({ prefix: "mnist-dl-" });
  const server = serveRoutes(routes);
  try {
    await body(server.base, dir);
  } finally {
    await server.close();
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a good download is verified, then renamed into the cache", async () => {
  await withServer({ [`/m/${file}`]: { kind: "ok", body: gz } }, async (base, dir) => {
    const got = await downloadVerified(`${base}m/${file}`, spec, dir, { timeoutMs: 10_000 });
    assert.equal(got.path, `${dir}/${file}`);
    assert.equal(got.verified.verifiedBy, "gz-sha256");
    assert.deepEqual(got.verified.idx, tiny.raw[spec.name]);
    assert.deepEqual(await listDir(dir), [file], "no temporary file left");
    assert.deepEqual(await Deno.readFile(got.path), gz);
  });
});

Deno.test("a 404 is a DownloadError naming file and URL; nothing is written", async () => {
  await withServer({}, async (base, dir) => {
    const url = `${base}m/${file}`;
    await assert.rejects(downloadVerified(url, spec, dir, { timeoutMs: 10_000 }), (e: Error) => {
      assert.ok(e instanceof DownloadError);
      assert.equal(e.url, url);
      assert.equal(e.file, file);
      assert.match(e.message, /HTTP 404/);
      return true;
    });
    assert.deepEqual(await listDir(dir), []);
  });
});

Deno.test("a connection closed early leaves nothing and reports the digests", async () => {
  const sendBytes = Math.floor(gz.length / 2);
  const received = await sha256Hex(gz.subarray(0, sendBytes));
  await withServer(
    { [`/${file}`]: { kind: "cut", body: gz, sendBytes } },
    async (base, dir) => {
      await assert.rejects(
        downloadVerified(`${base}${file}`, spec, dir, { timeoutMs: 10_000 }),
        (e: Error) => {
          assert.ok(e instanceof DownloadError, String(e));
          assert.match(e.message, new RegExp(`${file} from ${base}${file}`));
          assert.match(e.message, new RegExp(`(interrupted|closed) after ${sendBytes}`));
          assert.ok(e.message.includes(spec.gzSha256[0]!), "expected digest");
          assert.ok(e.message.includes(received), "digest of the bytes received");
          assert.match(e.message, /nothing was kept/);
          return true;
        },
      );
      assert.deepEqual(await listDir(dir), []);
    },
  );
});

Deno.test("a short or corrupted body fails its checksum and leaves the old file intact", async () => {
  const corrupt = gz.slice();
  for (let i = 30; i < 60; i++) corrupt[i]! ^= 0x33;
  const short = gz.subarray(0, gz.length - 25);
  await withServer({
    "/corrupt/f.gz": { kind: "ok", body: corrupt },
    "/short/f.gz": { kind: "ok", body: short },
  }, async (base, dir) => {
    await Deno.writeFile(`${dir}/f.gz`, new Uint8Array([1, 2, 3])); // someone's file
    for (const [path, body] of [["corrupt/f.gz", corrupt], ["short/f.gz", short]] as const) {
      const got = await sha256Hex(body);
      await assert.rejects(
        downloadVerified(`${base}${path}`, spec, dir, { timeoutMs: 10_000 }),
        (e: Error) => {
          assert.ok(e instanceof DownloadError, String(e));
          assert.match(e.message, /checksum mismatch for f\.gz/);
          assert.ok(e.message.includes(`${base}${path}`), "names the URL");
          assert.ok(e.message.includes(spec.gzSha256[0]!), "expected digest");
          assert.ok(e.message.includes(got), "actual digest");
          return true;
        },
      );
    }
    assert.deepEqual(await listDir(dir), ["f.gz"]);
    assert.deepEqual(await Deno.readFile(`${dir}/f.gz`), new Uint8Array([1, 2, 3]));
  });
});

Deno.test("an oversized body is stopped and discarded", async () => {
  const huge = new Uint8Array(spec.idxBytes + 70_000);
  huge.set(gz);
  await withServer({ "/big.gz": { kind: "ok", body: huge } }, async (base, dir) => {
    await assert.rejects(
      downloadVerified(`${base}big.gz`, spec, dir, { timeoutMs: 10_000 }),
      /oversized/,
    );
    assert.deepEqual(await listDir(dir), []);
  });
});

Deno.test("downloads work through Deno.serve too (good file, then a 404)", async () => {
  const dir = await Deno.makeTempDir({ prefix: "mnist-dl-" });
  const ac = new AbortController();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: ac.signal, onListen: () => {} },
    (req) =>
      new URL(req.url).pathname === `/${file}`
        ? new Response(gz as Uint8Array<ArrayBuffer>)
        : new Response("missing", { status: 404 }),
  );
  try {
    const base = `http://127.0.0.1:${server.addr.port}/`;
    const ok = await downloadVerified(`${base}${file}`, spec, dir, { timeoutMs: 10_000 });
    assert.equal(ok.verified.sha256, spec.gzSha256[0]);
    await assert.rejects(
      downloadVerified(`${base}nope/${file}`, spec, `${dir}/other`, { timeoutMs: 10_000 }),
      /HTTP 404/,
    );
    assert.deepEqual(await listDir(dir), [file]);
  } finally {
    ac.abort();
    await server.finished;
    await Deno.remove(dir, { recursive: true });
  }
});
