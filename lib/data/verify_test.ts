import assert from "node:assert/strict";
import { ChecksumError } from "./errors.ts";
import { gzip, makeTinyDataset } from "./_testing.ts";
import { sha256Hex } from "./sha256.ts";
import { verifyFile } from "./verify.ts";

const tiny = await makeTinyDataset(3);
const spec = tiny.spec.files.trainImages;
const raw = tiny.raw[spec.name]!;
const gz = tiny.gz[spec.name]!;

Deno.test("a raw file is accepted by its IDX SHA-256", async () => {
  const v = await verifyFile(raw, spec, spec.name, "/somewhere");
  assert.equal(v.verifiedBy, "idx-sha256");
  assert.equal(v.sha256, spec.idxSha256);
  assert.equal(v.idx, raw);
});

Deno.test("a known .gz is accepted by its own SHA-256", async () => {
  const v = await verifyFile(gz, spec, `${spec.name}.gz`, "/somewhere");
  assert.equal(v.verifiedBy, "gz-sha256");
  assert.equal(v.sha256, spec.gzSha256[0]);
  assert.deepEqual(v.idx, raw);
});

Deno.test("a re-compressed .gz is accepted by its decompressed content", async () => {
  const other = await gzip(raw);
  other[4] = 0x42; // a different mtime: different bytes, same content
  assert.notEqual(await sha256Hex(other), spec.gzSha256[0]);
  const v = await verifyFile(other, spec, `${spec.name}.gz`, "mirror");
  assert.equal(v.verifiedBy, "idx-sha256");
  assert.deepEqual(v.idx, raw);
});

Deno.test("a changed raw file names file, source, expected and actual digests", async () => {
  const bad = raw.slice();
  bad[bad.length - 1]! ^= 1;
  const got = await sha256Hex(bad);
  await assert.rejects(verifyFile(bad, spec, spec.name, "/my/dir/x"), (e: Error) => {
    assert.ok(e instanceof ChecksumError);
    assert.equal(e.expected[0], spec.idxSha256);
    assert.equal(e.got, got);
    assert.match(e.message, new RegExp(`${spec.name} from /my/dir/x`));
    assert.match(e.message, /size is right .* but the content differs/);
    return true;
  });
  await assert.rejects(
    verifyFile(raw.subarray(0, 20), spec, spec.name, "d"),
    new RegExp(`the file is 20 bytes; expected ${spec.idxBytes}`),
  );
});

Deno.test("a corrupt or wrong .gz is a checksum error, not a crash", async () => {
  const cut = gz.subarray(0, gz.length - 8);
  await assert.rejects(
    verifyFile(cut, spec, "x.gz", "u"),
    (e: Error) =>
      e instanceof ChecksumError && /content cannot be compared.*corrupt gzip/.test(e.message),
  );
  const otherContent = await gzip(tiny.raw[tiny.spec.files.testImages.name]!);
  await assert.rejects(verifyFile(otherContent, spec, "x.gz", "u"), ChecksumError);
  const samesize = raw.slice();
  samesize[30]! ^= 0xff;
  await assert.rejects(
    verifyFile(await gzip(samesize), spec, "x.gz", "u"),
    (e: Error) =>
      e instanceof ChecksumError && e.expected[0] === spec.idxSha256 &&
      /compared after decompressing/.test(e.message),
  );
});
