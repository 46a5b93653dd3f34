/**
 * Unpacks CIFAR-10's `cifar-10-binary.tar.gz` in memory: gunzip with the
 * platform's `DecompressionStream`, then the tar stream read with the npm
 * package `tar` (node-tar, the one npm itself uses), keeping the regular files'
 * bytes by their base name.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { Parser, type ReadEntry } from "tar";
import { gunzip } from "./gzip.ts";

/** A tar archive that could not be read (damaged, truncated, or not a tar). */
export class ArchiveError extends Error {
  /** The archive's name or path. */
  readonly file: string;

  /**
   * Builds the error for one archive.
   *
   * @param file the archive's name or path
   * @param problem what was wrong
   * @param cause the underlying error, if any
   */
  constructor(file: string, problem: string, cause?: unknown) {
    super(`${file}: ${problem}`, { cause });
    this.name = "ArchiveError";
    this.file = file;
  }
}

/**
 * The regular files of a `.tar.gz` (or plain `.tar`) held in memory, by base name
 * (`cifar-10-batches-bin/data_batch_1.bin` → `data_batch_1.bin`).
 *
 * @param bytes the archive's bytes
 * @param file its name or path, for messages
 * @param keep which base names to keep (default: all)
 * @returns the kept files' bytes
 * @throws {GzipError} if the gzip layer is damaged
 * @throws {ArchiveError} if the tar layer is damaged or truncated
 */
export async function untarGz(
  bytes: Uint8Array,
  file: string,
  keep: (name: string) => boolean = () => true,
): Promise<Map<string, Uint8Array>> {
  const tar = bytes[0] === 0x1f && bytes[1] === 0x8b ? await gunzip(bytes, file) : bytes;
  const files = new Map<string, Uint8Array>();
  const problems: string[] = [];
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      const name = entry.path.split("/").pop() ?? "";
      if (entry.type !== "File" || !keep(name)) {
        entry.resume();
        return;
      }
      const out = new Uint8Array(entry.size);
      let at = 0;
      entry.on("data", (chunk: Uint8Array) => {
        out.set(chunk.subarray(0, Math.max(0, Math.min(chunk.length, out.length - at))), at);
        at += chunk.length;
      });
      entry.on("end", () => {
        if (at === out.length) files.set(name, out);
        else problems.push(`${entry.path}: ${at} of ${out.length} bytes`);
      });
    },
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on("end", () => resolve());
    parser.on("error", (e: Error) => reject(e));
  });
  try {
    parser.end(Buffer.from(tar.buffer, tar.byteOffset, tar.length));
    await done;
  } catch (e) {
    throw new ArchiveError(file, `damaged tar archive: ${(e as Error).message}`, e);
  }
  if (problems.length > 0) {
    throw new ArchiveError(file, `truncated tar archive (${problems.join("; ")})`);
  }
  return files;
}
