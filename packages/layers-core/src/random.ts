import { mulberry32 } from '@tensorseq/utils';

/**
 * A seedable stream of seeds. Layers draw from it for initializers and dropout masks so that, under a
 * fixed seed, two runs on the same backend produce identical weights (tfjs-core's random ops take an
 * explicit seed and are deterministic for a given seed).
 *
 * @example
 * const seeds = new SeedStream(42);
 * seeds.nextSeed(); // → the same 32-bit seed on every run
 */
export class SeedStream {
  private state: number;

  constructor(seed: number = Math.floor(Math.random() * 2 ** 31)) {
    if (!Number.isFinite(seed)) {
      throw new RangeError(`SeedStream: seed must be a finite number. Received: seed=${seed}.`);
    }
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** The next 32-bit unsigned integer (mulberry32). */
  nextUint32(): number {
    const [state, out] = mulberry32(this.state);
    this.state = state;
    return out;
  }

  /** A float in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 2 ** 32;
  }

  /** A seed to hand to a tfjs random op. */
  nextSeed(): number {
    return this.nextUint32();
  }
}

let globalStream = new SeedStream();

/**
 * Seeds every random draw that is not given its own seed (initializers, shuffling, dropout).
 *
 * @example
 * setGlobalSeed(42); // two runs of the same script now start from identical weights
 */
export function setGlobalSeed(seed: number): void {
  globalStream = new SeedStream(seed);
}

/**
 * The process-wide seed stream used when no explicit seed is given.
 *
 * @example
 * tf.randomUniform([2], 0, 1, 'float32', globalSeedStream().nextSeed()) // seeded by setGlobalSeed
 */
export function globalSeedStream(): SeedStream {
  return globalStream;
}
