/**
 * `deno task train`: one MNIST training run from flags.
 *
 * @module
 */
import { loadTrainingData } from "../lib/train/data.ts";
import { useSystemBlas } from "../lib/kernels/gemm.ts";
import { MAX_THREADS, setThreads } from "../lib/kernels/threads.ts";
import { trainRun } from "../lib/train/run.ts";
import { defaultSettings, type TrainSettings } from "../lib/train/settings.ts";
import { choice, int, num, parseFlags, runCli, seed, UsageError } from "./_cli.ts";

const USAGE = `usage: deno task train [flags]

  --model logreg|mlp|cifarnet   784->10 softmax, 784->100 ReLU->10, or the
                            convolutional network of Figure 2's bottom row (default logreg)
  --optimizer NAME          adam, amsgrad, adamnc, sgd, ... (default amsgrad)
  --variant paper|pytorch|keras|optax   bias-correction convention (default paper)
  --alpha A                 base step size (default 0.01 logreg, 0.001 mlp)
  --schedule invsqrt|constant   alpha/sqrt(t) or alpha (default: invsqrt logreg, constant mlp)
  --beta1 B1 --beta2 B2 --eps E   (defaults 0.9, 0.999, 1e-8)
  --arithmetic auto|float32|float64   the optimizer's arithmetic (default auto:
                            float32 for Adam's family, float64 for the others)
  --batch N                 minibatch size (default 128)
  --steps N                 iterations (default 5000)
  --seed S                  initialisation and shuffling seed, in [0, 2^32) (default 0)
  --init zeros|default      (default: the model's own; see lib/models)
  --train-limit N           use the first N training examples in file order
  --no-shuffle              take batches in file order
  --eval-every N            test loss every N steps (default 250)
  --dataset mnist|fashion|cifar10   (default mnist; cifar10 for cifarnet, which
                            pads mnist|fashion to 32x32 as a grey stand-in)
  --data-dir DIR            a directory holding the IDX files (or CIFAR-10's)
  --download                fetch missing files: MNIST/Fashion-MNIST from the mirrors into
                            data/cache/, CIFAR-10 (162 MB, MD5-checked) from its site
  --blas wasm|system        matrix products: WebAssembly SIMD (default; the same bits on
                            every machine with FMA) or the system OpenBLAS via FFI (faster;
                            bits may differ between machines and OpenBLAS builds)
  --threads N               threads for the WebAssembly products (default: the cores, at
                            most 2; the bits do not depend on N; 1 on a busy machine)
  --json                    print one JSON object: settings, curve, final`;

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags(Deno.args, {
    model: { type: "string" },
    optimizer: { type: "string" },
    variant: { type: "string" },
    alpha: { type: "string" },
    schedule: { type: "string" },
    beta1: { type: "string" },
    beta2: { type: "string" },
    eps: { type: "string" },
    arithmetic: { type: "string" },
    batch: { type: "string" },
    steps: { type: "string" },
    seed: { type: "string" },
    init: { type: "string" },
    "train-limit": { type: "string" },
    "no-shuffle": { type: "boolean" },
    "eval-every": { type: "string" },
    dataset: { type: "string" },
    "data-dir": { type: "string" },
    download: { type: "boolean" },
    blas: { type: "string" },
    threads: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const model = choice(values, "model", ["logreg", "mlp", "cifarnet"] as const, "logreg");
  const d = defaultSettings(model);
  const settings: TrainSettings = {
    model,
    optimizer: String(values.optimizer ?? d.optimizer),
    variant: choice(values, "variant", ["paper", "pytorch", "keras", "optax"] as const, d.variant),
    alpha: num(values, "alpha", d.alpha),
    schedule: choice(
      values,
      "schedule",
      ["invsqrt", "constant"] as const,
      d.schedule as "invsqrt" | "constant",
    ),
    beta1: num(values, "beta1", d.beta1),
    beta2: num(values, "beta2", d.beta2),
    eps: num(values, "eps", d.eps),
    arithmetic: choice(
      values,
      "arithmetic",
      ["auto", "float32", "float64"] as const,
      d.arithmetic,
    ),
    batch: int(values, "batch", d.batch),
    steps: int(values, "steps", d.steps),
    seed: seed(values, "seed", d.seed),
    init: choice(values, "init", ["zeros", "default"] as const, d.init),
    trainLimit: values["train-limit"] === undefined ? undefined : int(values, "train-limit", 0),
    validation: d.validation,
    shuffle: !values["no-shuffle"],
    evalEvery: int(values, "eval-every", d.evalEvery),
    dataset: choice(values, "dataset", ["mnist", "fashion", "cifar10"] as const, d.dataset),
    dataDir: values["data-dir"] as string | undefined,
  };
  if (values.threads !== undefined) {
    const n = int(values, "threads", 1);
    if (n > MAX_THREADS) throw new UsageError(`--threads must be at most ${MAX_THREADS}, got ${n}`);
    setThreads(n);
  }
  if (choice(values, "blas", ["wasm", "system"] as const, "wasm") === "system") {
    console.error(`matrix products: system BLAS ${useSystemBlas()} (1 thread)`);
  }
  const data = await loadTrainingData(settings, {
    download: Boolean(values.download),
    log: (line) => console.error(line),
  });
  const every = Math.max(1, Math.floor(settings.steps / 10));
  const r = trainRun(settings, data, (t) => {
    if (!values.json && t % every === 0) console.error(`  step ${t}/${settings.steps}`);
  });
  if (values.json) {
    console.log(JSON.stringify({ settings: r.settings, curve: r.curve, final: r.final }));
    return;
  }
  console.log(
    `${settings.model} ${settings.optimizer} (${settings.variant}) α=${settings.alpha} ${settings.schedule}`,
  );
  console.log(`data: ${data.source}`);
  for (const p of r.curve) {
    console.log(
      `step ${String(p.step).padStart(6)}  train ${p.trainLossAvg.toFixed(4)}  test ${
        p.testLoss.toFixed(4)
      }`,
    );
  }
  const f = r.final;
  console.log(
    `final: train loss ${f.trainLoss.toFixed(4)}, test loss ${f.testLoss.toFixed(4)}, ` +
      `test accuracy ${(100 * f.testAccuracy).toFixed(2)}%${f.diverged ? " (diverged)" : ""} in ${
        r.seconds.toFixed(1)
      } s`,
  );
});
