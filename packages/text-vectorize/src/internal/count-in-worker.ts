import { countTexts, type TextCounts } from './count-texts';
import { nodeBuiltin } from './node-builtin';
import { spareCore } from './spare-core';

/**
 * Counting part of a large corpus on a second thread: Node only (`worker_threads`, found without a
 * static import so the package stays browser-safe), feature-detected, and always optional: where it is
 * missing, or the worker fails or stalls, the calling thread counts the rest itself.
 *
 * The worker is sent the last part of the texts and takes them in chunks; once the calling thread has
 * counted its own first part, it takes the worker's chunks from the end until the two meet (a shared
 * array of chunk owners, claimed with compare-and-swap). So a worker that starts late (starting one
 * costs tens of milliseconds, hundreds on a busy machine) or runs on a busy core costs the calling
 * thread nothing but the copy of the texts it was sent.
 *
 * `fitOnTexts` is synchronous, so the caller blocks on a shared flag (Atomics.wait) until the worker
 * has answered for the chunks it took, and takes the reply with `receiveMessageOnPort`, which needs no
 * event-loop turn.
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

/** Chunk owners in the shared array: free, taken by the worker, taken by the calling thread. */
const FREE = 0;
const WORKER = 1;
const CALLER = 2;

/** Texts per chunk: about 5 ms of counting for IMDB reviews, so the threads finish close together. */
let chunkTexts = 256;

/**
 * Most chunks the calling thread claims at once, counting them as one run. At about 5 ms a chunk, the
 * worker waits at most this many chunks' time for the calling thread to finish its last group.
 */
const STEAL_GROUP = 8;

/** Most chunks the calling thread takes back from the worker (tests pin who counts what). */
let callerTakesAtMost = Number.POSITIVE_INFINITY;

/** The worker's program: `countTexts` itself (self-contained), answering the task it is sent. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const countTexts = ${countTexts.toString()};
parentPort.on('message', ({ texts, separators, lower, port, flag, owners, chunk }) => {
  try {
    const owner = new Int32Array(owners);
    const claim = (c) => Atomics.compareExchange(owner, c, ${FREE}, ${WORKER}) === ${FREE};
    const counts = countTexts(texts, separators, lower, claim, chunk);
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
 * The share of the characters sent to the worker. A little over half: the calling thread takes back
 * whatever the worker has not reached when it is done with its own part.
 */
const WORKER_SHARE = 0.55;

/**
 * Whether the minimum was set by hand (tests, or a caller who knows the machine): then the worker runs
 * whenever the corpus is large enough, without looking at the other processes' CPU use.
 */
let minimumSetByHand = false;

/** Longest wait for the worker beyond the time the calling thread took for its own part. */
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
  minimumSetByHand = true;
  return previous;
}

/**
 * Sets the texts per chunk and the most chunks the calling thread takes back from the worker; tests use
 * it to make the worker count all of its part, or all but the last chunks. Returns the previous values.
 */
export function setWorkerChunks(texts: number, callerTakes: number): [number, number] {
  const previous: [number, number] = [chunkTexts, callerTakesAtMost];
  chunkTexts = texts;
  callerTakesAtMost = callerTakes;
  return previous;
}

function workerThreads(): WorkerThreads | undefined {
  return nodeBuiltin<WorkerThreads>('node:worker_threads');
}

/**
 * A worker for one fit: it starts while the calling thread counts its own part and is stopped once it
 * has answered, so its heap (a copy of part of the corpus) is returned at once instead of idling until its
 * next collection. Unref'd: it never keeps Node alive.
 */
function startWorker(threads: WorkerThreads): WorkerLike {
  const started = new threads.Worker(WORKER_SOURCE, { eval: true });
  started.unref();
  // A worker that fails never answers, and the caller counts its chunks itself: nothing to report here,
  // but an 'error' event without a listener would take the process down.
  started.on('error', () => {});
  return started;
}

/**
 * Counts `texts` like {@link countTexts}, sharing the last part (about half of the characters) with a
 * worker when that pays: returns the runs in text order.
 */
export function countTextsInParallel(
  texts: readonly string[],
  separators: Uint8Array,
  lower: boolean,
): TextCounts[] {
  const threads = texts.length >= 2 ? workerThreads() : undefined;
  const chars = threads === undefined ? 0 : totalChars(texts);
  if (threads === undefined || chars < minimumChars || !(minimumSetByHand || spareCore()))
    return [countTexts(texts, separators, lower)];
  const split = splitPoint(texts, chars * (1 - WORKER_SHARE));
  const rest = texts.slice(split);
  const chunk = chunkTexts;
  const chunks = Math.ceil(rest.length / chunk);
  const owners = new Int32Array(new SharedArrayBuffer(4 * chunks));
  const channel = new threads.MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  let worker: WorkerLike;
  try {
    worker = startWorker(threads);
    const task = {
      texts: rest,
      separators,
      lower,
      port: channel.port2,
      flag: flag.buffer,
      owners: owners.buffer,
    };
    worker.postMessage({ ...task, chunk }, [channel.port2]);
  } catch {
    channel.port1.close();
    return [countTexts(texts, separators, lower)];
  }
  const began = performance.now();
  const first = countTexts(texts.slice(0, split), separators, lower);
  const { runs: taken, first: firstTaken } = takeChunksFromEnd(rest, owners, chunk, separators, lower);
  const workerChunks = firstTaken;
  let reply: Reply | undefined;
  if (workerChunks > 0)
    reply = awaitReply(threads, channel.port1, flag, performance.now() - began + GRACE_MS);
  channel.port1.close();
  void worker.terminate();
  const workerTexts = Math.min(rest.length, workerChunks * chunk);
  if (workerTexts === 0) return [first, ...taken];
  if (reply !== undefined && 'counts' in reply && reply.counts.starts.length === workerTexts + 1) {
    workerRuns++;
    return [first, reply.counts, ...taken];
  }
  // The worker failed or stalled: count its chunks here (it may still be running, but its reply is
  // never read).
  return [first, countTexts(rest.slice(0, workerTexts), separators, lower), ...taken];
}

/**
 * Claims the worker's chunks from the last one back, up to {@link STEAL_GROUP} at a time counted as one
 * run, until one is already the worker's.
 * Returns the runs in text order and the first chunk taken (the number of chunks when none was).
 */
function takeChunksFromEnd(
  rest: readonly string[],
  owners: Int32Array,
  chunk: number,
  separators: Uint8Array,
  lower: boolean,
): { runs: TextCounts[]; first: number } {
  const taken: TextCounts[] = [];
  const last = Math.max(-1, owners.length - 1 - callerTakesAtMost);
  let c = owners.length - 1;
  while (c > last) {
    // Up to STEAL_GROUP chunks at once, counted as one run: each run re-inserts its frequent words
    // and is merged word by word, so a few larger runs cost less than one per chunk.
    let low = c + 1;
    while (low - 1 > last && c + 1 - low < STEAL_GROUP) {
      if (Atomics.compareExchange(owners, low - 1, FREE, CALLER) !== FREE) break;
      low--;
    }
    if (low > c) break;
    taken.push(countTexts(rest.slice(low * chunk, (c + 1) * chunk), separators, lower));
    c = low - 1;
    if (c >= 0 && Atomics.load(owners, c) === WORKER) break;
  }
  return { runs: taken.reverse(), first: c + 1 };
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
