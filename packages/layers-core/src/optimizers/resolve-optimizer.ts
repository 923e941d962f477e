import { Adam, type AdamOptions } from './adam';
import type { Optimizer } from './optimizer';
import { RMSprop, type RmspropOptions } from './rmsprop';
import { SGD, type SgdOptions } from './sgd';

/** An optimizer, its name with Keras defaults (`'rmsprop'`, `'adam'`, `'sgd'`), or its saved form. */
export type OptimizerIdentifier = Optimizer | string | { className: string; config: Record<string, unknown> };

const factories: Record<string, (config: Record<string, unknown>) => Optimizer> = {
  rmsprop: (c) => new RMSprop(c as RmspropOptions),
  adam: (c) => new Adam(c as AdamOptions),
  sgd: (c) => new SGD(c as SgdOptions),
};

/**
 * Resolves an optimizer identifier (names are case-insensitive, so Keras' class names work too).
 *
 * @example
 * resolveOptimizer('rmsprop') // → RMSprop (lr 1e-3, rho 0.9, epsilon 1e-7 outside the square root)
 */
export function resolveOptimizer(id: OptimizerIdentifier): Optimizer {
  if (typeof id !== 'string' && 'applyGradients' in id) {
    // tfjs-core's optimizers also have applyGradients, with another contract (named gradient maps).
    if (!('getState' in id)) {
      throw new TypeError(
        'compile: optimizer must be a tensorseq Optimizer (RMSprop, Adam, SGD or a HostOptimizer). Received: another object with applyGradients (a tfjs-core optimizer?). To fix this, use new RMSprop({ learningRate }) or the name "rmsprop".',
      );
    }
    return id;
  }
  const name = typeof id === 'string' ? id : id.className;
  const key = name.toLowerCase();
  if (!Object.hasOwn(factories, key)) {
    throw new RangeError(
      `compile: optimizer must be one of "rmsprop", "adam", "sgd" or an Optimizer. Received: optimizer="${name}".`,
    );
  }
  return factories[key](typeof id === 'string' ? {} : id.config);
}
