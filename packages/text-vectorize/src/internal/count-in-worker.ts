import { countTexts, type TextCounts } from './count-texts';

/**
 * Counting half of a large corpus on a second thread: Node only (`worker_threads`, found without a
 * static import so the package stays browser-safe), feature-detected, and always optional: where it is
 * missing, or the worker fails or stalls, the calling thread counts that half itself.
 *
 * `fitOnTexts` is synchronous, so the caller blocks on a shared flag (Atomics.wait) once its own half
 * is done and takes the reply with `receiveMessageOnPort`, which needs no event-loop turn.
 */

interface MessagePortLike {
  close(): void;
}

interface WorkerLike {
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  on(event: 'error', listener: (error: unknown) => void): void;
  unref(): void;
  terminate(): Promise<number>;
}

interface WorkerThreads {
  Worker: new (source: string, options: { eval: true }) => WorkerLike;
  MessageChannel: new () => { port1: MessagePortLike; port2: MessagePortLike };
  receiveMessageOnPort(port: MessagePortLike): { message: unknown } | undefined;
}

type Reply = { counts: TextCounts } | { error: string };

/** The worker's program: `countTexts` itself (self-contained), answering the task it is sent. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const countTexts = ${countTexts.toString()};
parentPort.on('message', ({ texts, separators, lower, port, flag }) => {
  try {
    const counts = countTexts(texts, separators, lower);
    port.postMessage({ counts }, [counts.ids.buffer, counts.starts.buffer]);
  } catch (error) {
    port.postMessage({ error: String(error) });
  }
  port.close();
  const done = new Int32Array(flag);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
});
`;

/** Fewest characters worth a second thread: below this, starting and feeding it costs more than it saves. */
let minimumChars = 4_000_000;

/**
 * Whether the minimum was set by hand (tests, or a caller who knows the machine): then the worker runs
 * whenever the corpus is large enough, without the idle-core check.
 */
let minimumSetByHand = false;

/** Longest wait for the worker beyond the time the calling thread took for its own half. */
const GRACE_MS = 10_000;

/** Runs the worker counted (a test's evidence that the second thread really ran). */
let workerRuns = 0;

/** How many runs the worker has counted in this process. */
export function countedByWorker(): number {
  return workerRuns;
}

/**
 * Sets the corpus size (in characters) from which `fitOnTexts` counts half on a worker; tests lower it
 * to run the worker path on small inputs, `Infinity` turns it off. Returns the previous value.
 */
export function setWorkerMinimumChars(chars: number): number {
  const previous = minimumChars;
  minimumChars = chars;
  minimumSetByHand = true;
  return previous;
}

interface OsLike {
  loadavg(): number[];
  availableParallelism?(): number;
  cpus(): unknown[];
}

/**
 * Whether a core is idle for the worker. Feeding it half the corpus (a structured clone) and starting
 * it costs about a third of the counting in CPU time, which pays only when that core would otherwise
 * idle: on a machine already busy with other processes (load ≥ cores), the worker only competes with
 * the calling thread, and fitting on one thread was measured faster in wall time too. The 1-minute
 * load includes the calling thread itself (about 1 while it works), hence the half-core margin.
 */
function spareCore(): boolean {
  const os = nodeBuiltin<OsLike>('node:os');
  if (os === undefined) return false;
  try {
    const cores = os.availableParallelism?.() ?? os.cpus().length;
    return cores >= 2 && os.loadavg()[0] <= cores - 0.5;
  } catch {
    return false;
  }
}

function workerThreads(): WorkerThreads | undefined {
  return nodeBuiltin<WorkerThreads>('node:worker_threads');
}

/** A Node built-in module without a static import (the package also runs in browsers); undefined elsewhere. */
function nodeBuiltin<T>(id: string): T | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return proc?.getBuiltinModule?.(id) as T | undefined;
  } catch {
    return undefined;
  }
}

/**
 * A worker for one fit: it starts while the calling thread counts its own half and is stopped once it
 * has answered, so its heap (a copy of half the corpus) is returned at once instead of idling until its
 * next collection. Unref'd: it never keeps Node alive.
 */
function startWorker(threads: WorkerThreads): WorkerLike {
  const started = new threads.Worker(WORKER_SOURCE, { eval: true });
  started.unref();
  // A worker that fails never answers, and the caller counts its half itself: nothing to report here,
  // but an 'error' event without a listener would take the process down.
  started.on('error', () => {});
  return started;
}

/**
 * Counts `texts` like {@link countTexts}, the second half on a worker when that pays: returns the runs
 * in text order (one or two).
 */
export function countTextsInParallel(
  texts: readonly string[],
  separators: Uint8Array,
  lower: boolean,
): TextCounts[] {
  const threads = texts.length >= 2 ? workerThreads() : undefined;
  if (threads === undefined || totalChars(texts) < minimumChars || !(minimumSetByHand || spareCore()))
    return [countTexts(texts, separators, lower)];
  const half = texts.length >> 1;
  const second = texts.slice(half);
  const channel = new threads.MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  let worker: WorkerLike;
  try {
    worker = startWorker(threads);
    worker.postMessage({ texts: second, separators, lower, port: channel.port2, flag: flag.buffer }, [
      channel.port2,
    ]);
  } catch {
    channel.port1.close();
    return [countTexts(texts, separators, lower)];
  }
  const began = performance.now();
  const first = countTexts(texts.slice(0, half), separators, lower);
  const reply = awaitReply(threads, channel.port1, flag, performance.now() - began + GRACE_MS);
  channel.port1.close();
  void worker.terminate();
  if (reply !== undefined && 'counts' in reply) {
    workerRuns++;
    return [first, reply.counts];
  }
  return [first, countTexts(second, separators, lower)];
}

/** Blocks until the worker has answered or `limitMs` has passed. */
function awaitReply(
  threads: WorkerThreads,
  port: MessagePortLike,
  flag: Int32Array,
  limitMs: number,
): Reply | undefined {
  const deadline = performance.now() + limitMs;
  while (Atomics.load(flag, 0) === 0) {
    const left = deadline - performance.now();
    if (left <= 0) return undefined;
    Atomics.wait(flag, 0, 0, left);
  }
  return threads.receiveMessageOnPort(port)?.message as Reply | undefined;
}

function totalChars(texts: readonly string[]): number {
  let n = 0;
  for (let t = 0; t < texts.length; t++) n += texts[t].length;
  return n;
}
