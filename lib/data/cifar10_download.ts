/**
 * Downloads CIFAR-10's archive into the cache safely: the body streams into a
 * temporary file beside its final name, is checked against the published MD5,
 * and only then renamed. An HTTP error, an interrupted or oversized body, or a
 * checksum mismatch removes the temporary file and throws a {@linkcode DownloadError}.
 *
 * @module
 */
import { DownloadError } from "./errors.ts";
import { md5Hex } from "./md5.ts";
import type { Cifar10Spec } from "./cifar10.ts";

/**
 * Fetches `url` into `cacheDir/<spec.archive>` after checking its MD5.
 *
 * @param url the archive's URL
 * @param spec its name, MD5 and size limit
 * @param cacheDir the folder to store it in (created if missing)
 * @param timeoutMs time limit for the whole transfer (default 30 minutes)
 * @returns the archive's path in the cache
 * @throws {DownloadError} on any failure; nothing is left in `cacheDir`
 */
export async function downloadArchive(
  url: string,
  spec: Cifar10Spec,
  cacheDir: string,
  timeoutMs = 1_800_000,
): Promise<string> {
  const file = spec.archive;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new DownloadError(file, url, `request failed: ${(e as Error).message}`, e);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new DownloadError(file, url, `HTTP ${response.status} ${response.statusText}`.trim());
  }
  await Deno.mkdir(cacheDir, { recursive: true });
  const temp = await Deno.makeTempFile({ dir: cacheDir, prefix: `.${file}.`, suffix: ".partial" });
  try {
    const announced = Number(response.headers.get("content-length") ?? NaN);
    const out = await Deno.open(temp, { write: true, truncate: true });
    let received = 0;
    let problem = "";
    try {
      for await (const chunk of response.body) {
        received += chunk.length;
        if (received > spec.maxArchiveBytes) {
          problem = `oversized: more than ${spec.maxArchiveBytes} bytes`;
          break;
        }
        for (let off = 0; off < chunk.length;) off += await out.write(chunk.subarray(off));
      }
    } catch (e) {
      problem = `interrupted after ${received} bytes: ${(e as Error).message}`;
    } finally {
      out.close();
    }
    if (!problem && Number.isFinite(announced) && received !== announced) {
      problem = `connection closed after ${received} of ${announced} bytes`;
    }
    const got = md5Hex(await Deno.readFile(temp));
    if (!problem && got !== spec.archiveMd5) problem = "checksum mismatch";
    if (problem) {
      throw new DownloadError(
        file,
        url,
        `${problem}; expected MD5 ${spec.archiveMd5}, the ${received} bytes received have ${got}`,
      );
    }
    const path = `${cacheDir}/${file}`;
    await Deno.rename(temp, path);
    return path;
  } finally {
    await Deno.remove(temp).catch(() => {}); // already renamed on success
  }
}
