/**
 * The PyTorch CPU peer (bench/src/torch_peer.py) at its best configuration on this machine: Debian's
 * python3-torch with pthread OpenBLAS pinned to one thread (`OPENBLAS_NUM_THREADS=1`, so it does not start
 * threads next to torch's) and `torch.set_num_threads(2)` (BENCH_TORCH_THREADS overrides it). Each model
 * gets its own warm-up steps before its timed ones.
 *
 * glibc's malloc is also told to keep freed memory (`MALLOC_MMAP_THRESHOLD_`, `MALLOC_TRIM_THRESHOLD_`,
 * `MALLOC_TOP_PAD_`): without it, every step hands its large activations back to the kernel and faults
 * them in again, and imdb-simplernn measured anywhere from 46 to 109 ms per step from one run to the next;
 * with it, 45–48 ms. Our side runs without any such setting. BENCH_TORCH_MALLOC=0 turns it off.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Median wall and CPU (all threads) milliseconds of one PyTorch step. */
export interface TorchTiming {
  ms: number;
  cpuMs: number;
}

/** What the peer ran with, as it printed it. */
export interface TorchRun {
  config: Record<string, unknown>;
  models: Record<string, TorchTiming>;
}

const PYTHON = '/usr/bin/python3';

// 1 GB thresholds: no allocation is served by mmap and nothing is trimmed; 256 MiB of slack on each grow.
const KEEP_FREED_MEMORY = {
  MALLOC_MMAP_THRESHOLD_: '1000000000',
  MALLOC_TRIM_THRESHOLD_: '1000000000',
  MALLOC_TOP_PAD_: '268435456',
};

/**
 * Times `models` in PyTorch; returns a one-line reason instead when torch is not installed or fails.
 *
 * @example
 * const torch = torchPeer(['jena-gru'], { warmup: 2, runs: 5 });
 */
export function torchPeer(models: string[], options: { warmup: number; runs: number }): TorchRun | string {
  if (process.env.BENCH_TORCH === '0') return 'skipped: BENCH_TORCH=0';
  if (!existsSync(PYTHON)) return `skipped: ${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.status !== 0)
    return 'skipped: torch is not installed for /usr/bin/python3 (apt-get install -y python3-torch libopenblas0-pthread)';
  const script = join(dirname(fileURLToPath(import.meta.url)), 'torch_peer.py');
  const env = {
    ...process.env,
    OPENBLAS_NUM_THREADS: '1',
    BENCH_TORCH_THREADS: process.env.BENCH_TORCH_THREADS ?? '2',
    ...(process.env.BENCH_TORCH_MALLOC === '0' ? {} : KEEP_FREED_MEMORY),
  };
  const r = spawnSync(PYTHON, [script, String(options.warmup), String(options.runs), ...models], {
    encoding: 'utf8',
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) return `skipped: torch_peer.py failed with status ${r.status}`;
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as TorchRun;
}
