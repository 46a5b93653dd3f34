/**
 * Section: PyTorch's `torch.optim.Adam(amsgrad=True)` (one thread) as the
 * reference for the two problems of `online_1d.ts` (float64, steps per second)
 * and `large.ts` (10M float32, ms per step). Runs `pytorch_amsgrad.py` with
 * Debian's python (`/usr/bin/python3`); prints a note and skips without torch.
 *
 * @module
 */
import { report } from "./_report.ts";
import { measureOnline } from "./online_1d.ts";
import { measureLarge } from "./large.ts";
import { PYTHON, torchEnv } from "./_torch.ts";

/** What `pytorch_amsgrad.py` prints. */
interface TorchResult {
  torch: string;
  threads: number;
  online_steps_per_s: number;
  large_ms_per_step: number;
}

async function hasTorch(): Promise<boolean> {
  try {
    const out = await new Deno.Command(PYTHON, {
      env: torchEnv(),
      args: ["-c", "import torch"],
      stderr: "null",
    })
      .output();
    return out.success;
  } catch {
    return false;
  }
}

export async function run(): Promise<void> {
  if (!(await hasTorch())) {
    console.log(`skipped: ${PYTHON} cannot import torch`);
    return;
  }
  const script = new URL("./pytorch_amsgrad.py", import.meta.url).pathname;
  const out = await new Deno.Command(PYTHON, {
    env: torchEnv(),
    args: [script],
    stderr: "inherit",
  }).output();
  if (!out.success) throw new Error(`${script} failed with exit code ${out.code}`);
  const torch = JSON.parse(new TextDecoder().decode(out.stdout)) as TorchResult;
  console.log(`PyTorch ${torch.torch}, ${torch.threads} thread(s)`);
  const online = measureOnline(1_000_000, 3);
  report({
    label: "AMSGrad 1-D online problem (fresh optimizers)",
    ours: online.fresh,
    reference: torch.online_steps_per_s,
    referenceName: "PyTorch",
    unit: "steps/s",
    higherIsBetter: true,
  });
  const large = measureLarge(3);
  for (const [arithmetic, ours] of [["float64", large.ours], ["float32", large.ours32]] as const) {
    report({
      label: `AMSGrad step, 10M Float32, ${arithmetic} arithmetic`,
      ours,
      reference: torch.large_ms_per_step,
      referenceName: "PyTorch",
      unit: "ms",
      higherIsBetter: false,
      format: (x) => x.toFixed(1),
    });
  }
}
