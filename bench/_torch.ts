/**
 * How the benches run PyTorch: Debian's own Python (a pyenv `python3` may come
 * earlier on PATH), with glibc's allocator told to keep freed memory instead of
 * handing it back to the kernel. PyTorch's eager ops allocate their temporaries
 * afresh each step, and large ones come from mmap; on a virtual machine where a
 * page fault is slow (measured here: a fresh 40 MB buffer costs ~120 ms to
 * touch, ten times a 10M-element multiply) that would time the kernel, not
 * PyTorch. Our side keeps its buffers, so this is PyTorch at its best, not a
 * handicap.
 *
 * @module
 */

/** Debian's Python, the one `python3-torch` installs into. */
export const PYTHON = "/usr/bin/python3";

/** The environment PyTorch runs in: glibc's heap reused, never trimmed (see the module doc). */
export function torchEnv(): Record<string, string> {
  return {
    ...Deno.env.toObject(),
    MALLOC_MMAP_THRESHOLD_: String(2 ** 32),
    MALLOC_TRIM_THRESHOLD_: String(2 ** 36),
    MALLOC_TOP_PAD_: String(2 ** 30),
  };
}
