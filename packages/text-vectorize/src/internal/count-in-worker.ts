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
 * The worker's share of the characters. It starts (about 30 ms) and reads its texts out of the message
 * while the calling thread already counts, so a little under half keeps both finishing together.
 */
const WORKER_SHARE = 0.47;

/** Longest wait for the worker beyond the time the calling thread took for its own half. */
const GRACE_MS = 10_000;

/** Runs the worker counted (a test's evidence that the second thread really ran). */
let workerRuns = 0;

/** How many runs the worker has counted in this process. */
export function countedByWorker(): number {
  return workerRuns;
}

/**
 * Sets the corpus size (in characters) from which `fitOnTexts` counts part of it on a worker; tests
 * lower it to run the worker path on small inputs, `Infinity` turns it off. Returns the previous value.
 */
export function setWorkerMinimumChars(chars: number): number {
  const previous = minimumChars;
  minimumChars = chars;
  return previous;
}

interface OsLike {
  availableParallelism?(): number;
  cpus(): unknown[];
}

/**
 * Whether the machine has a second core. The load average is deliberately not consulted: it lags a
 * minute behind and counts the calling process itself (a benchmark's own earlier runs pushed it to 2 on
 * 2 cores and switched the worker off), and with other processes busy, two runnable threads still get
 * a larger share of the cores than one. Measured on a shared 2-core machine: the worker never cost wall
 * time at load 1-2 and roughly broke even at load 5.
 */
function secondCore(): boolean {
  const os = nodeBuiltin<OsLike>('node:os');
  if (os === undefined) return false;
  try {
    return (os.availableParallelism?.() ?? os.cpus().length) >= 2;
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
 * Counts `texts` like {@link countTexts}, the last part (about half of the characters) on a worker when
 * that pays: returns the runs in text order (one or two).
 */
export function countTextsInParallel(
  texts: readonly string[],
  separators: Uint8Array,
  lower: boolean,
): TextCounts[] {
  const threads = texts.length >= 2 ? workerThreads() : undefined;
  const chars = threads === undefined ? 0 : totalChars(texts);
  if (threads === undefined || chars < minimumChars || !secondCore())
    return [countTexts(texts, separators, lower)];
  const half = splitPoint(texts, chars * (1 - WORKER_SHARE));
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

/** The first position after which at least `chars` characters precede it, within [1, length - 1]. */
function splitPoint(texts: readonly string[], chars: number): number {
  let n = 0;
  let t = 0;
  while (t < texts.length - 1 && n < chars) n += texts[t++].length;
  return Math.max(1, t);
}

function totalChars(texts: readonly string[]): number {
  let n = 0;
  for (let t = 0; t < texts.length; t++) n += texts[t].length;
  return n;
}
