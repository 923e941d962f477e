/**
 * The PyTorch CPU peer (bench/src/torch_peer.py) at its best configuration on this machine: Debian's
 * python3-torch with pthread OpenBLAS pinned to one thread (`OPENBLAS_NUM_THREADS=1`, so it does not start
 * threads next to torch's) and `torch.set_num_threads(2)` (BENCH_TORCH_THREADS overrides it). Each model
 * gets its own warm-up steps before its timed ones. One peer process serves a whole suite, so that its
 * rounds can alternate with tensorseq's (src/interleaved.ts).
 * glibc's malloc keeps freed memory too (`peerEnv`).
 */
import { type ChildProcessByStdio, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { peerEnv } from './peer-env';

/** Median wall and CPU (all threads) milliseconds of one PyTorch step. */
export interface TorchTiming {
  ms: number;
  cpuMs: number;
}

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'torch_peer.py');

/** Why the peer cannot run here, or null when it can. */
function torchUnavailable(): string | null {
  if (process.env.BENCH_TORCH === '0') return 'skipped: BENCH_TORCH=0';
  if (!existsSync(PYTHON)) return `skipped: ${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.status !== 0)
    return 'skipped: torch is not installed for /usr/bin/python3 (apt-get install -y python3-torch libopenblas0-pthread)';
  return null;
}

function torchEnv(): NodeJS.ProcessEnv {
  return peerEnv({ OPENBLAS_NUM_THREADS: '1', BENCH_TORCH_THREADS: process.env.BENCH_TORCH_THREADS ?? '2' });
}

/** Wall and CPU milliseconds of each timed step of one round. */
export interface StepTimes {
  wall: number[];
  cpu: number[];
}

/** One PyTorch peer process that times rounds of steps on request (`torch_peer.py --serve`). */
export class TorchSession {
  private constructor(
    private readonly child: ChildProcessByStdio<Writable, Readable, null>,
    readonly config: Record<string, unknown>,
    private readonly lines: AsyncIterator<string>,
  ) {}

  /**
   * Starts the peer; a one-line reason instead when torch is not installed or does not start.
   *
   * @example
   * const torch = await TorchSession.open();
   * if (typeof torch !== 'string') console.log((await torch.steps('jena-gru', 2, 5)).wall);
   */
  static async open(): Promise<TorchSession | string> {
    const unavailable = torchUnavailable();
    if (unavailable !== null) return unavailable;
    const child = spawn(PYTHON, [SCRIPT, '--serve'], { env: torchEnv(), stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) return 'skipped: torch_peer.py --serve exited before printing its configuration';
    const { config } = JSON.parse(first.value) as { config: Record<string, unknown> };
    return new TorchSession(child, config, lines);
  }

  /** Runs `warmup` untimed and then `runs` timed steps of `model` in the peer. */
  async steps(model: string, warmup: number, runs: number): Promise<StepTimes> {
    this.child.stdin.write(`${JSON.stringify({ model, warmup, runs })}\n`);
    const line = await this.lines.next();
    if (line.done) throw new Error(`torch_peer.py exited while running ${model}`);
    const reply = JSON.parse(line.value) as StepTimes | { error: string };
    if ('error' in reply) throw new Error(`torch_peer.py: ${reply.error}`);
    return reply;
  }

  close(): void {
    this.child.stdin.end();
  }
}
