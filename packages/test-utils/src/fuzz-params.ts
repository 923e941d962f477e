import { envVar } from '#host-files';

/**
 * fast-check parameters for one fuzzer. In the normal test run: `ciRuns` runs from a fixed seed, so CI is
 * fast and deterministic. Under `pnpm fuzz` (which sets `FUZZ_RUNS`): that many runs from a fresh random
 * seed (or `FUZZ_SEED`, to replay a failure fast-check reported).
 *
 * @param ciRuns - runs in the normal test run.
 * @returns `{ numRuns, seed }` to spread into `fc.assert(property, …)`.
 * @example
 * await fc.assert(property, fuzzParams(50)); // FUZZ_RUNS=5000 pnpm fuzz → 5000 runs
 */
export function fuzzParams(ciRuns: number): { numRuns: number; seed: number | undefined } {
  const runs = envVar('FUZZ_RUNS');
  const seed = envVar('FUZZ_SEED');
  if (seed !== undefined && seed !== '' && !Number.isSafeInteger(Number(seed))) {
    throw new Error(`fuzzParams: FUZZ_SEED must be an integer. Received: FUZZ_SEED=${seed}.`);
  }
  const pinned = seed === undefined || seed === '' ? undefined : Number(seed);
  if (runs === undefined || runs === '') return { numRuns: ciRuns, seed: pinned ?? 16 };
  const numRuns = Number(runs);
  if (!Number.isSafeInteger(numRuns) || numRuns < 1) {
    throw new Error(`fuzzParams: FUZZ_RUNS must be a positive integer. Received: FUZZ_RUNS=${runs}.`);
  }
  return { numRuns, seed: pinned };
}
