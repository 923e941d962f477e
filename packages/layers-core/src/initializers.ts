import * as tf from '@tensorflow/tfjs-core';
import { orthogonalMatrix } from './orthogonal-matrix';
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

/** An initializer as saved in a topology: `{ className, config }`. */
export interface SerializedInitializer {
  className: string;
  config: Record<string, unknown>;
}

/**
 * An initializer, the camelCase name of one with default options (`'glorotUniform'`, `'zeros'`), or its
 * serialized form.
 */
export type InitializerIdentifier = Initializer | string | SerializedInitializer;

/**
 * Fan-in and fan-out as Keras computes them (kernel [in, out]; conv kernels [k..., in, out]).
 *
 * @example
 * computeFans([3, 5, 8]) // → { fanIn: 15, fanOut: 24 } (Conv1D kernel [k, in, out])
 */
export function computeFans(shape: number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0], fanOut: shape[0] };
  if (shape.length === 2) return { fanIn: shape[0], fanOut: shape[1] };
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return { fanIn: shape[shape.length - 2] * receptive, fanOut: shape[shape.length - 1] * receptive };
}

function simple(className: string, make: (shape: number[]) => tf.Tensor): Initializer {
  return { className, apply: (shape) => make(shape), getConfig: () => ({}) };
}

/** Options of {@link varianceScaling} (Keras' `VarianceScaling`). */
export interface VarianceScalingOptions {
  /** @defaultValue 1 */
  scale?: number;
  /** @defaultValue 'fanIn' */
  mode?: 'fanIn' | 'fanOut' | 'fanAvg';
  /** @defaultValue 'truncatedNormal' */
  distribution?: 'truncatedNormal' | 'uniform';
  /** Reported as this class name (GlorotUniform, HeNormal, ...). */
  className?: string;
}

// std of a unit normal truncated to [-2, 2]; Keras divides by it so the truncated draw has the wanted std.
const TRUNCATED_STD = 0.8796256610342398;

/**
 * Keras' `VarianceScaling`: draws with variance `scale / n`, n = fan-in, fan-out or their mean. Glorot,
 * He and LeCun initializers are instances of it.
 *
 * @example
 * varianceScaling({ scale: 2, mode: 'fanIn', distribution: 'uniform' }).apply([10, 4]) // → He-uniform [10, 4]
 */
export function varianceScaling(options: VarianceScalingOptions = {}): Initializer {
  const {
    scale = 1,
    mode = 'fanIn',
    distribution = 'truncatedNormal',
    className = 'VarianceScaling',
  } = options;
  return {
    className,
    apply(shape, seeds = globalSeedStream()) {
      const { fanIn, fanOut } = computeFans(shape);
      const n = mode === 'fanIn' ? fanIn : mode === 'fanOut' ? fanOut : (fanIn + fanOut) / 2;
      const variance = scale / Math.max(1, n);
      if (distribution === 'uniform') {
        const limit = Math.sqrt(3 * variance);
        return tf.randomUniform(shape, -limit, limit, 'float32', seeds.nextSeed());
      }
      return tf.truncatedNormal(shape, 0, Math.sqrt(variance) / TRUNCATED_STD, 'float32', seeds.nextSeed());
    },
    getConfig: () => (className === 'VarianceScaling' ? { scale, mode, distribution } : {}),
  };
}

/**
 * Keras' `Constant`: every entry is `value`.
 *
 * @example
 * constant({ value: 0.01 }).apply([2]) // → [0.01, 0.01]
 */
export function constant(options: { value?: number } = {}): Initializer {
  const { value = 0 } = options;
  return { className: 'Constant', apply: (shape) => tf.fill(shape, value), getConfig: () => ({ value }) };
}

/**
 * Keras' `RandomUniform` (defaults ±0.05, the Embedding default).
 *
 * @example
 * randomUniform({ minval: -1, maxval: 1 }).apply([3]) // → 3 values in [-1, 1)
 */
export function randomUniform(options: { minval?: number; maxval?: number } = {}): Initializer {
  const { minval = -0.05, maxval = 0.05 } = options;
  return {
    className: 'RandomUniform',
    apply: (shape, seeds = globalSeedStream()) =>
      tf.randomUniform(shape, minval, maxval, 'float32', seeds.nextSeed()),
    getConfig: () => ({ minval, maxval }),
  };
}

/**
 * Keras' `RandomNormal` (defaults mean 0, stddev 0.05).
 *
 * @example
 * randomNormal({ stddev: 1 }).apply([3]) // → 3 normal draws
 */
export function randomNormal(options: { mean?: number; stddev?: number } = {}): Initializer {
  const { mean = 0, stddev = 0.05 } = options;
  return {
    className: 'RandomNormal',
    apply: (shape, seeds = globalSeedStream()) =>
      tf.randomNormal(shape, mean, stddev, 'float32', seeds.nextSeed()),
    getConfig: () => ({ mean, stddev }),
  };
}

/**
 * Keras' `TruncatedNormal` (defaults mean 0, stddev 0.05; draws beyond 2 stddev are redrawn).
 *
 * @example
 * truncatedNormal().apply([3]) // → 3 values in (-0.1, 0.1)
 */
export function truncatedNormal(options: { mean?: number; stddev?: number } = {}): Initializer {
  const { mean = 0, stddev = 0.05 } = options;
  return {
    className: 'TruncatedNormal',
    apply: (shape, seeds = globalSeedStream()) =>
      tf.truncatedNormal(shape, mean, stddev, 'float32', seeds.nextSeed()),
    getConfig: () => ({ mean, stddev }),
  };
}

/**
 * Keras' `Identity` for 2-D weights: `gain` on the diagonal (rectangular shapes allowed, like `np.eye`).
 *
 * @example
 * identity({ gain: 2 }).apply([2, 2]) // → [[2, 0], [0, 2]]
 */
export function identity(options: { gain?: number } = {}): Initializer {
  const { gain = 1 } = options;
  return {
    className: 'Identity',
    apply(shape) {
      if (shape.length !== 2) {
        throw new RangeError(
          `Identity: shape must have rank 2. Received: shape=[${shape.join(', ')}] (rank ${shape.length}).`,
        );
      }
      return tf.tidy(() => tf.mul(tf.eye(shape[0], shape[1]), gain));
    },
    getConfig: () => ({ gain }),
  };
}

/**
 * Keras' `Orthogonal`: the Q factor (sign-corrected so R has a positive diagonal) of the QR decomposition
 * of a normal matrix shaped `[prod(shape[:-1]), shape[-1]]`, times `gain`. Recurrent kernels' default.
 *
 * @example
 * orthogonal().apply([4, 4]) // → Q with Qᵀ Q = I
 */
export function orthogonal(options: { gain?: number } = {}): Initializer {
  const { gain = 1 } = options;
  return {
    className: 'Orthogonal',
    apply(shape, seeds = globalSeedStream()) {
      if (shape.length < 2) {
        throw new RangeError(
          `Orthogonal: shape must have rank 2 or more. Received: shape=[${shape.join(', ')}] (rank ${shape.length}).`,
        );
      }
      const cols = shape[shape.length - 1];
      const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
      const normal = tf.randomNormal([rows, cols], 0, 1, 'float32', seeds.nextSeed());
      const draws = normal.dataSync();
      normal.dispose();
      const q = orthogonalMatrix(draws, rows, cols, gain);
      return tf.tensor(q, shape, 'float32');
    },
    getConfig: () => ({ gain }),
  };
}

const factories: Record<string, (config: Record<string, unknown>) => Initializer> = {
  zeros: () => simple('Zeros', (s) => tf.zeros(s)),
  ones: () => simple('Ones', (s) => tf.ones(s)),
  constant: (c) => constant(c),
  randomUniform: (c) => randomUniform(c),
  uniform: (c) => randomUniform(c),
  randomNormal: (c) => randomNormal(c),
  normal: (c) => randomNormal(c),
  truncatedNormal: (c) => truncatedNormal(c),
  identity: (c) => identity(c),
  orthogonal: (c) => orthogonal(c),
  varianceScaling: (c) => varianceScaling(c),
  glorotUniform: () =>
    varianceScaling({ mode: 'fanAvg', distribution: 'uniform', className: 'GlorotUniform' }),
  glorotNormal: () => varianceScaling({ mode: 'fanAvg', className: 'GlorotNormal' }),
  heUniform: () => varianceScaling({ scale: 2, distribution: 'uniform', className: 'HeUniform' }),
  heNormal: () => varianceScaling({ scale: 2, className: 'HeNormal' }),
  lecunUniform: () => varianceScaling({ distribution: 'uniform', className: 'LecunUniform' }),
  lecunNormal: () => varianceScaling({ className: 'LecunNormal' }),
};

/**
 * Every accepted initializer name (camelCase; Keras' snake_case and class names are accepted too).
 *
 * @example
 * initializerNames.includes('orthogonal') // → true
 */
export const initializerNames = Object.keys(factories);

function normalizeName(name: string): string {
  const camel = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return camel.charAt(0).toLowerCase() + camel.slice(1);
}

/**
 * Resolves an initializer identifier: a name (`'glorotUniform'`, `'glorot_uniform'`, `'GlorotUniform'`),
 * a serialized `{ className, config }`, or an {@link Initializer} (returned as is).
 *
 * @example
 * resolveInitializer('glorotUniform').apply([3, 4]) // → Tensor [3, 4]
 * resolveInitializer({ className: 'Constant', config: { value: 0.01 } }).apply([2]) // → [0.01, 0.01]
 */
export function resolveInitializer(id: InitializerIdentifier, owner = 'initializer'): Initializer {
  if (typeof id !== 'string' && 'apply' in id) return id;
  const name = typeof id === 'string' ? id : id.className;
  const config = typeof id === 'string' ? {} : (id.config ?? {});
  const key = normalizeName(name);
  if (!Object.hasOwn(factories, key)) {
    throw new RangeError(
      `${owner}: initializer must be one of ${initializerNames.join(', ')}. Received: initializer="${name}".`,
    );
  }
  return factories[key](config);
}

/**
 * The saved form of an initializer.
 *
 * @example
 * serializeInitializer(constant({ value: 1 })) // → { className: 'Constant', config: { value: 1 } }
 */
export function serializeInitializer(init: Initializer): SerializedInitializer {
  return { className: init.className, config: init.getConfig() };
}
