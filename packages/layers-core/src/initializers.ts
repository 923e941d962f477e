import * as tf from '@tensorflow/tfjs-core';
import { globalSeedStream, type SeedStream } from './random';

/** Creates the initial value of a weight. Keras' initializers, seeded through a {@link SeedStream}. */
export interface Initializer {
  /** Keras' class name, used in saved topologies (e.g. `GlorotUniform`). */
  readonly className: string;
  /** A new tensor of `shape`; the caller owns (and disposes) it. */
  apply(shape: number[], seeds?: SeedStream): tf.Tensor;
  /** JSON-serializable options, for `getConfig` round trips. */
  getConfig(): Record<string, unknown>;
}

/** An initializer or the camelCase name of one with default options (`'glorotUniform'`, `'zeros'`). */
export type InitializerIdentifier = Initializer | string;

/** Fan-in and fan-out as Keras computes them (kernel [in, out]; conv kernels [k..., in, out]). */
export function computeFans(shape: number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0], fanOut: shape[0] };
  if (shape.length === 2) return { fanIn: shape[0], fanOut: shape[1] };
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return { fanIn: shape[shape.length - 2] * receptive, fanOut: shape[shape.length - 1] * receptive };
}

const zeros: Initializer = {
  className: 'Zeros',
  apply: (shape) => tf.zeros(shape),
  getConfig: () => ({}),
};

const ones: Initializer = {
  className: 'Ones',
  apply: (shape) => tf.ones(shape),
  getConfig: () => ({}),
};

const glorotUniform: Initializer = {
  className: 'GlorotUniform',
  apply(shape, seeds = globalSeedStream()) {
    const { fanIn, fanOut } = computeFans(shape);
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return tf.randomUniform(shape, -limit, limit, 'float32', seeds.nextSeed());
  },
  getConfig: () => ({}),
};

const registry = new Map<string, Initializer>([
  ['zeros', zeros],
  ['ones', ones],
  ['glorotUniform', glorotUniform],
]);

/**
 * Resolves an initializer identifier.
 *
 * @example
 * resolveInitializer('glorotUniform').apply([3, 4]) // → Tensor [3, 4]
 */
export function resolveInitializer(id: InitializerIdentifier, owner = 'initializer'): Initializer {
  if (typeof id !== 'string') return id;
  const found = registry.get(id);
  if (!found) {
    throw new RangeError(
      `${owner}: initializer must be one of ${[...registry.keys()].join(', ')}. Received: initializer="${id}".`,
    );
  }
  return found;
}
