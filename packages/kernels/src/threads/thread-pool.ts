import type { WasmMemory } from '../wasm/webassembly-api';
import { cutFineNext, maxSharesFor, type ShareSplit } from './share-cut';
import type { KernelsWorker, WorkerHost } from './worker-host';

/** The parallel entry points of the threaded module, by index (the worker resolves the same list). */
export const PARALLEL_ENTRIES = [
  'rnn_forward_project',
  'rnn_forward_recur',
  'rnn_backward_recur',
  'rnn_backward_embed',
  'rnn_backward_weights',
  'sgemm_part',
  'conv1d_forward',
  'conv1d_backward_spread',
  'conv1d_backward_grads',
  'conv1d_backward_reduce',
  'tap_gather',
  'tap_scatter',
  'maxpool1d_forward',
  'maxpool1d_backward',
  'rmsprop_update',
] as const;

export type ParallelEntry = (typeof PARALLEL_ENTRIES)[number];

/** Each worker's wasm stack, carved from the bottom of the heap. */
export const WORKER_STACK_BYTES = 1 << 20;

/**
 * How long an idle worker polls for the next call before it sleeps, in milliseconds. A sleeping thread's
 * wake-up costs tens to hundreds of microseconds on a virtual machine, and a training step makes tens
 * of calls, some after a millisecond or more of JavaScript (the loss, the small layers, the optimizer):
 * polling at all took about 5% off the conv1d models' steps on a 2-core VM, and 3 ms rather than 0.5 ms
 * another 2–5% (same-process A/B, medians of 72–120 steps), for a little more CPU time. A worker left
 * idle sleeps after 3 ms.
 */
export const SPIN_MS = 3;

/**
 * How long the calling thread polls for the workers' shares once its own are done, before it sleeps: the
 * shares of one call end within a millisecond or two of each other (the machine's noise), and the
 * calling thread has nothing else to do meanwhile.
 */
export const CALLER_SPIN_MS = 2;

/** A "next share" value no call reaches: set while a call is being set up and after it ends. */
const CLAIMS_CLOSED = 1 << 30;

type EntryFn = (arg: number, share: number, shares: number) => void;

/**
 * Worker threads that run shares of one parallel call at a time over the module's shared memory. The
 * calling thread takes shares too and then blocks (Atomics.wait) until the shares that workers claimed
 * are done (spinning where it may not block: a browser's main thread). Node workers are unref'd, so they
 * never keep Node alive; {@link ThreadPool.close} stops them.
 */
export class ThreadPool {
  private readonly control = new Int32Array(new SharedArrayBuffer(8 * 4)).fill(0);
  private readonly workers: KernelsWorker[] = [];
  /** The entry points (by index) whose next call is cut into maxShares shares. */
  private readonly cutFine = new Uint8Array(PARALLEL_ENTRIES.length);
  /** The most shares a call is cut into (see maxSharesFor). */
  readonly maxShares: number;
  /** How calls are cut; see {@link ShareSplit}. */
  split: ShareSplit = 'adaptive';
  /** Calls cut into more shares than threads so far. */
  fineCalls = 0;

  /**
   * @param threads Threads taking part, the calling thread included (workers = threads - 1).
   * @param local The calling thread's instance's entry points, in PARALLEL_ENTRIES order.
   */
  constructor(
    readonly threads: number,
    private readonly host: WorkerHost,
    module: object,
    memory: WasmMemory,
    heapBase: number,
    private readonly local: EntryFn[],
  ) {
    this.maxShares = maxSharesFor(threads);
    for (let i = 0; i < threads - 1; i++) {
      this.workers.push(
        host.start({
          module,
          memory,
          control: this.control.buffer as SharedArrayBuffer,
          stackTop: heapBase + (i + 1) * WORKER_STACK_BYTES,
          entries: PARALLEL_ENTRIES,
          spinMs: SPIN_MS,
        }),
      );
    }
  }

  /**
   * Runs `entry(arg, share, shares)` for every share across the threads; returns when all are done. The
   * shares are one per thread, or maxShares where this entry point's last calls found a thread lagging.
   */
  run(entry: ParallelEntry, arg: number): void {
    const ctrl = this.control;
    const index = PARALLEL_ENTRIES.indexOf(entry);
    const fine = this.split === 'fine' || (this.split === 'adaptive' && this.cutFine[index] === 1);
    const shares = fine ? this.maxShares : this.threads;
    if (shares > this.threads) this.fineCalls++;
    // No claims while the call is set up: a worker still looping from the last call must not take a
    // share of this one before every field is written.
    Atomics.store(ctrl, 5, CLAIMS_CLOSED);
    Atomics.store(ctrl, 1, index);
    Atomics.store(ctrl, 2, arg);
    Atomics.store(ctrl, 3, shares);
    Atomics.store(ctrl, 4, 0);
    Atomics.store(ctrl, 6, 0);
    Atomics.store(ctrl, 5, 0);
    Atomics.add(ctrl, 0, 1);
    Atomics.notify(ctrl, 0);
    const fn = this.local[index];
    const start = performance.now();
    let mine = 0;
    for (;;) {
      const share = Atomics.add(ctrl, 5, 1);
      if (share >= shares) break;
      fn(arg, share, shares);
      mine++;
      Atomics.add(ctrl, 4, 1);
    }
    const ownEnd = performance.now();
    const block = this.host.canBlock;
    const until = ownEnd + CALLER_SPIN_MS;
    while (Atomics.load(ctrl, 4) < shares && performance.now() < until) {}
    for (let done = Atomics.load(ctrl, 4); done < shares; done = Atomics.load(ctrl, 4)) {
      if (block) Atomics.wait(ctrl, 4, done, 50);
    }
    Atomics.store(ctrl, 5, CLAIMS_CLOSED);
    if (Atomics.load(ctrl, 6) !== 0) throw new Error(`kernels: a worker thread failed in ${entry}.`);
    this.cutFine[index] = +cutFineNext(
      { threads: this.threads, maxShares: this.maxShares, shares, mine },
      ownEnd - start,
      performance.now() - ownEnd,
    );
  }

  /** Stops the workers (they exit at their next wake-up). */
  close(): void {
    Atomics.store(this.control, 1, -1);
    Atomics.store(this.control, 3, 0);
    Atomics.add(this.control, 0, 1);
    Atomics.notify(this.control, 0);
    for (const worker of this.workers) worker.terminate();
    this.workers.length = 0;
  }
}
