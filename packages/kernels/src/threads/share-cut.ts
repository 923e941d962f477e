/** The most shares one call takes: the threaded module's per-share scratch slots (MAX_THREADS in kernels.c). */
export const MAX_SHARES = 4;

/**
 * How much longer than its own shares the calling thread may wait for a worker's before the next call
 * of that entry point is cut finer. Cloud vCPUs are not always equal: on the 2-core bench VM the second
 * one ran at about half the first's speed for a minute at a time, and an even cut then waits for it.
 */
const LAG_RATIO = 0.25;

/** A wait under this many milliseconds is noise, whatever the ratio. */
const LAG_MIN_MS = 0.05;

/**
 * How a parallel call is cut into shares: `'adaptive'` (the default) cuts one share per thread, and
 * switches an entry point to {@link maxSharesFor} shares, claimed as threads come free, while its calls
 * find a thread lagging; `'even'` and `'fine'` fix either cut (tests compare them). Every kernel gives the
 * same bits on any number of shares, so the cut changes only the time.
 *
 * @example
 * const split: ShareSplit = 'adaptive';
 */
export type ShareSplit = 'adaptive' | 'even' | 'fine';

/**
 * The most shares a call on `threads` threads is cut into: twice the threads, up to {@link MAX_SHARES}
 * (so 2 threads take 4 shares, and 4 threads, like 1, never cut finer than even).
 *
 * @example
 * maxSharesFor(2); // → 4
 */
export function maxSharesFor(threads: number): number {
  return threads < 2 ? threads : Math.max(threads, Math.min(2 * threads, MAX_SHARES));
}

/** How one call was cut and run: its shares, and how many of them the calling thread ran. */
export interface CallCut {
  threads: number;
  maxShares: number;
  shares: number;
  mine: number;
}

/**
 * Whether the next call of an entry point is cut fine, from how this one went: an even cut that left the
 * calling thread waiting for a worker (longer than a quarter of its own time) goes fine; a fine cut goes
 * back to even once the calling thread ran no more than an even part of it, all threads keeping pace.
 *
 * @example
 * cutFineNext({ threads: 2, maxShares: 4, shares: 2, mine: 1 }, 1.0, 0.5); // → true: it waited half as long again
 */
export function cutFineNext(cut: CallCut, ownMs: number, waitedMs: number): boolean {
  if (cut.maxShares === cut.threads) return false;
  if (cut.shares === cut.threads) return waitedMs > LAG_MIN_MS && waitedMs > LAG_RATIO * ownMs;
  return cut.mine * cut.threads > cut.shares;
}
