/**
 * Errors for data files. Each names the file, where it came from, what was wrong
 * and what was expected, so that a user can fix the copy they pointed at.
 *
 * @module
 */

/** A file is not a well-formed IDX file (magic number, dimensions or length). */
export class IdxFormatError extends Error {
  /** The file (or its label) whose content was rejected. */
  readonly file: string;

  /**
   * Builds the error for one file.
   *
   * @param file the file's name or path
   * @param problem what was wrong and what was expected
   */
  constructor(file: string, problem: string) {
    super(`${file}: not a valid IDX file: ${problem}`);
    this.name = "IdxFormatError";
    this.file = file;
  }
}

/** A gzip file could not be decompressed, or its content had the wrong size. */
export class GzipError extends Error {
  /** The file (or its label) whose gzip stream failed. */
  readonly file: string;

  /**
   * Builds the error for one file.
   *
   * @param file the file's name or path
   * @param problem what was wrong and what was expected
   * @param cause the platform's error, if any
   */
  constructor(file: string, problem: string, cause?: unknown) {
    super(`${file}: ${problem}`, { cause });
    this.name = "GzipError";
    this.file = file;
  }
}

/** A file's SHA-256 matched none of the values it is pinned to. */
export class ChecksumError extends Error {
  /** The file's name, e.g. `train-images-idx3-ubyte.gz`. */
  readonly file: string;
  /** Where the bytes came from: a path or a URL. */
  readonly source: string;
  /** The accepted SHA-256 values (hex). */
  readonly expected: readonly string[];
  /** The SHA-256 of the bytes that were checked (hex). */
  readonly got: string;

  /**
   * Builds the error from the digests that were compared.
   *
   * @param file the file's name
   * @param source a path or URL
   * @param expected the accepted SHA-256 values
   * @param got the SHA-256 that was computed
   * @param detail further facts (sizes, the decompressed digest)
   */
  constructor(
    file: string,
    source: string,
    expected: readonly string[],
    got: string,
    detail = "",
  ) {
    super(
      `checksum mismatch for ${file} from ${source}: expected SHA-256 ` +
        `${expected.length ? expected.join(" or ") : "(none pinned)"}, got ${got}` +
        (detail ? `; ${detail}` : ""),
    );
    this.name = "ChecksumError";
    this.file = file;
    this.source = source;
    this.expected = expected;
    this.got = got;
  }
}

/** A download failed (HTTP status, interrupted body, or a failed check); nothing was kept. */
export class DownloadError extends Error {
  /** The file that was being fetched. */
  readonly file: string;
  /** The URL it was fetched from. */
  readonly url: string;

  /**
   * Builds the error for one download attempt.
   *
   * @param file the file's name
   * @param url the URL
   * @param problem what went wrong
   * @param cause the underlying error, if any
   */
  constructor(file: string, url: string, problem: string, cause?: unknown) {
    super(`download of ${file} from ${url} failed: ${problem} (nothing was kept)`, { cause });
    this.name = "DownloadError";
    this.file = file;
    this.url = url;
  }
}

/** No source could supply a verified copy of a data set. */
export class DataUnavailableError extends Error {
  /** One line per source tried, with the reason it was not used. */
  readonly attempts: readonly string[];

  /**
   * Builds the error from every source that was tried.
   *
   * @param dataset the data set's id, e.g. `mnist`
   * @param attempts one line per source tried
   * @param hint what the user can do
   */
  constructor(dataset: string, attempts: readonly string[], hint: string) {
    super(
      `no verified copy of ${dataset} was found. Tried:\n` +
        attempts.map((a) => `  - ${a}`).join("\n") + `\n${hint}`,
    );
    this.name = "DataUnavailableError";
    this.attempts = attempts;
  }
}
