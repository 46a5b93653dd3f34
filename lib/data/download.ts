/**
 * Downloads one data file into the cache, safely: the body goes to a temporary
 * file in the cache folder, which is checked against the pinned SHA-256 and only
 * then renamed to its final name. A failed, interrupted or corrupt download
 * removes the temporary file and throws a {@linkcode DownloadError} that names the
 * file, the URL and, for a bad body, the expected and actual digests.
 *
 * @module
 */
import { ChecksumError, DownloadError, GzipError } from "./errors.ts";
import { sha256Hex } from "./sha256.ts";
import type { IdxFileSpec } from "./types.ts";
import { type VerifiedFile, verifyFile } from "./verify.ts";

/** Options for {@linkcode downloadVerified}. */
export interface DownloadOptions {
  /** Give up after this many milliseconds for the whole transfer (default 10 minutes). */
  timeoutMs?: number;
}

/** A downloaded, verified file now in the cache. */
export interface DownloadedFile {
  /** Its final path in the cache folder. */
  path: string;
  /** Its IDX content and the digest that matched. */
  verified: VerifiedFile;
}

/**
 * Fetches `url` (a `.gz` or raw copy of `spec`), verifies it, and stores it in
 * `cacheDir` under the URL's file name.
 *
 * @param url where to fetch the file
 * @param spec the file's pinned size and digests
 * @param cacheDir the folder to store it in (created if missing)
 * @param options a timeout
 * @returns the cached path and the verified content
 * @throws {DownloadError} on a network error, an HTTP error status, an interrupted
 *   or oversized body, or a checksum mismatch; nothing is left in `cacheDir`
 */
export async function downloadVerified(
  url: string,
  spec: IdxFileSpec,
  cacheDir: string,
  options: DownloadOptions = {},
): Promise<DownloadedFile> {
  const file = new URL(url).pathname.split("/").pop() || spec.name;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 600_000);
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (e) {
    throw new DownloadError(file, url, `request failed: ${(e as Error).message}`, e);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new DownloadError(file, url, `HTTP ${response.status} ${response.statusText}`.trim());
  }
  await Deno.mkdir(cacheDir, { recursive: true });
  const temp = await Deno.makeTempFile({ dir: cacheDir, prefix: `.${file}.`, suffix: ".partial" });
  try {
    await receiveBody(response, temp, file, url, spec);
    const bytes = await Deno.readFile(temp);
    let verified: VerifiedFile;
    try {
      verified = await verifyFile(bytes, spec, file, url);
    } catch (e) {
      if (e instanceof ChecksumError || e instanceof GzipError) {
        throw new DownloadError(file, url, e.message, e);
      }
      throw e;
    }
    const path = `${cacheDir}/${file}`;
    await Deno.rename(temp, path);
    return { path, verified };
  } finally {
    await Deno.remove(temp).catch(() => {}); // already renamed on success
  }
}

/** Streams the body into `temp`, bounding its size and detecting a short body. */
async function receiveBody(
  response: Response,
  temp: string,
  file: string,
  url: string,
  spec: IdxFileSpec,
): Promise<void> {
  const announced = Number(response.headers.get("content-length") ?? NaN);
  // A gzip of n bytes is never much larger than n; a raw copy is exactly n.
  const limit = spec.idxBytes + 65_536;
  const out = await Deno.open(temp, { write: true, truncate: true });
  let received = 0;
  let problem = "";
  try {
    if (!response.body) throw new Error("the response has no body");
    for await (const chunk of response.body) {
      received += chunk.length;
      if (received > limit) {
        problem = `oversized: more than ${limit} bytes for a file of ${spec.idxBytes} bytes`;
        break; // leaving the loop cancels the body
      }
      for (let off = 0; off < chunk.length;) off += await out.write(chunk.subarray(off));
    }
  } catch (e) {
    problem = `interrupted after ${received} bytes` +
      (Number.isFinite(announced) ? ` of ${announced}` : "") + `: ${(e as Error).message}`;
  } finally {
    out.close();
  }
  if (!problem && Number.isFinite(announced) && received !== announced) {
    problem = `connection closed after ${received} of ${announced} bytes`;
  }
  if (problem) {
    const kept = await Deno.readFile(temp);
    const got = await sha256Hex(kept);
    const gz = spec.gzSha256.length ? spec.gzSha256.join(" or ") : "none";
    throw new DownloadError(
      file,
      url,
      `${problem}; expected SHA-256 ${gz} (.gz) or ${spec.idxSha256} (IDX content), ` +
        `the ${kept.length} bytes received have ${got}`,
    );
  }
}
