import { globalSeedStream, type SeedStream } from '@tensorseq/layers-core';

/** `SeedStream` keeps its mulberry32 state in a private field; resuming a run needs to read and restore it. */
interface StreamInternals {
  state: number;
}

function internals(stream: SeedStream): StreamInternals {
  const inner = stream as unknown as StreamInternals;
  if (typeof inner.state !== 'number') {
    throw new TypeError(
      'seedStreamState: the global SeedStream must keep its state in a numeric "state" field. Received: no such field (layers-core changed its SeedStream). To fix this, update examples/shared/src/seed-stream-state.ts.',
    );
  }
  return inner;
}

/**
 * The global seed stream's state (initializers, shuffling and dropout draw from it), to store in a
 * checkpoint so a resumed run draws the same batches and dropout masks as an uninterrupted one.
 *
 * @returns a 32-bit state.
 * @example
 * setGlobalSeed(1); const state = seedStreamState(); // … later: restoreSeedStreamState(state)
 */
export function seedStreamState(): number {
  return internals(globalSeedStream()).state;
}

/**
 * Puts the global seed stream back to a state read by {@link seedStreamState}; every layer built since
 * the last `setGlobalSeed` shares that stream, so they continue from there too.
 *
 * @param state - a value from `seedStreamState()`.
 * @example
 * restoreSeedStreamState(state);
 */
export function restoreSeedStreamState(state: number): void {
  if (!Number.isInteger(state) || state < 0 || state >= 2 ** 32) {
    throw new RangeError(
      `restoreSeedStreamState: state must be a 32-bit unsigned integer. Received: state=${state}.`,
    );
  }
  internals(globalSeedStream()).state = state;
}
