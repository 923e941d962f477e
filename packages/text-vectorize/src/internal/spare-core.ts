import { nodeBuiltin } from './node-builtin';

/**
 * Whether a second thread would get a core of its own: the CPU time that other processes used since
 * the last look (all cores' busy time from `os.cpus()`, minus this process's own `cpuUsage()`), per
 * second of wall time. Unlike the load average, it leaves out this process (a benchmark's own earlier
 * runs pushed the load to 2 on 2 cores) and does not lag a minute behind.
 *
 * Measured on the shared 2-core build machine at a load average of 6.5–7 (other processes using about
 * one core, our fit the other): `fitOnTexts` of the 50,000 IMDB reviews with the worker forced on took
 * 4.0–5.3 s wall and 2.6–3.3 s CPU against 1.9–3.1 s and 1.5–2.2 s on one thread (interleaved runs):
 * the worker's start and the copy of its texts cost CPU time that no idle core absorbs.
 */

interface CpuTimes {
  user: number;
  nice: number;
  sys: number;
  irq: number;
}

interface OsLike {
  availableParallelism?(): number;
  cpus(): { times: CpuTimes }[];
}

interface Sample {
  wallMs: number;
  /** Busy milliseconds of all cores together. */
  busyMs: number;
  /** CPU milliseconds of this process (every thread). */
  ownMs: number;
}

/** Shortest window worth judging: the kernel counts CPU time in 10 ms ticks. */
const MIN_WINDOW_MS = 250;

/** Least idle CPU, in cores, beyond the calling thread's own core, for a second thread to pay. */
const MIN_FREE_CORES = 0.5;

let last: Sample | undefined = sample();
let lastVerdict = true;

function sample(): Sample | undefined {
  const os = nodeBuiltin<OsLike>('node:os');
  const proc = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  if (os === undefined || proc?.cpuUsage === undefined) return undefined;
  try {
    let busyMs = 0;
    for (const { times } of os.cpus()) busyMs += times.user + times.nice + times.sys + times.irq;
    const own = proc.cpuUsage();
    return { wallMs: performance.now(), busyMs, ownMs: (own.user + own.system) / 1000 };
  } catch {
    return undefined;
  }
}

function cores(): number {
  const os = nodeBuiltin<OsLike>('node:os');
  try {
    return os === undefined ? 1 : (os.availableParallelism?.() ?? os.cpus().length);
  } catch {
    return 1;
  }
}

/**
 * Whether, besides the calling thread's core, about one more core was free lately. Within
 * {@link MIN_WINDOW_MS} of the last look, the last verdict stands.
 */
export function spareCore(): boolean {
  const now = sample();
  if (now === undefined || cores() < 2) return false;
  const before = last;
  if (before === undefined || now.wallMs - before.wallMs < MIN_WINDOW_MS) return lastVerdict;
  last = now;
  const others = (now.busyMs - before.busyMs - (now.ownMs - before.ownMs)) / (now.wallMs - before.wallMs);
  lastVerdict = cores() - 1 - others >= MIN_FREE_CORES;
  return lastVerdict;
}
