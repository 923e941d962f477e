/**
 * The PyTorch CPU peer (bench/src/torch_peer.py) at its best configuration on this machine: Debian's
 * python3-torch with pthread OpenBLAS pinned to one thread (`OPENBLAS_NUM_THREADS=1`, so it does not start
 * threads next to torch's) and `torch.set_num_threads(2)` (BENCH_TORCH_THREADS overrides it). Each model
 * gets its own warm-up steps before its timed ones.
 * glibc's malloc keeps freed memory too (`peerEnv`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { peerEnv } from './peer-env';

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
  const env = peerEnv({
    OPENBLAS_NUM_THREADS: '1',
    BENCH_TORCH_THREADS: process.env.BENCH_TORCH_THREADS ?? '2',
  });
  const r = spawnSync(PYTHON, [script, String(options.warmup), String(options.runs), ...models], {
    encoding: 'utf8',
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) return `skipped: torch_peer.py failed with status ${r.status}`;
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as TorchRun;
}
