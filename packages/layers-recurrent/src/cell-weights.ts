import * as tf from '@tensorflow/tfjs-core';
import type { LayerWeight } from '@tensorseq/layers-core';

/** The weights of a built-in cell, in Keras' `get_weights()` order. */
export interface CellWeights {
  kernel: LayerWeight;
  recurrentKernel: LayerWeight;
  bias: LayerWeight | null;
}

/**
 * Input dropout on x_t and recurrent dropout on h_{t-1}, shared by all gates (see `DropoutMasks`).
 *
 * @example
 * const [x, h] = applyStepDropout(x0, h0, { inputDropoutMask: m, recurrentDropoutMask: null });
 */
export function applyStepDropout(
  input: tf.Tensor2D,
  hPrev: tf.Tensor2D,
  masks: { inputDropoutMask?: tf.Tensor | null; recurrentDropoutMask?: tf.Tensor | null },
): [tf.Tensor2D, tf.Tensor2D] {
  const x = masks.inputDropoutMask ? (tf.mul(input, masks.inputDropoutMask) as tf.Tensor2D) : input;
  const h = masks.recurrentDropoutMask ? (tf.mul(hPrev, masks.recurrentDropoutMask) as tf.Tensor2D) : hPrev;
  return [x, h];
}

/** The feature count of a cell input shape `[batch, features]`, checked. */
export function featureCount(owner: string, inputShape: readonly (number | null)[]): number {
  const features = inputShape[inputShape.length - 1];
  if (typeof features !== 'number' || features <= 0) {
    throw new RangeError(
      `${owner}: the last input axis must be a known positive size. Received: inputShape=[${inputShape.join(', ')}].`,
    );
  }
  return features;
}

/** The weights of a built cell; throws when the cell runs before `build`. */
export function requireWeights(owner: string, weights: CellWeights | null): CellWeights {
  if (!weights) throw new Error(`${owner}: the cell must be built before it runs. Received: built=false.`);
  return weights;
}
