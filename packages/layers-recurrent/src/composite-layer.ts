import * as tf from '@tensorflow/tfjs-core';
import { Layer, type LayerWeight } from '@tensorseq/layers-core';

/**
 * A layer whose weights belong to inner layers (an RNN's cell, a Bidirectional's two RNNs), exposed in
 * Keras' order: the inner layers' weights one after the other. Freezing the outer layer freezes the inner
 * ones.
 *
 * @example
 * class Wrapper extends CompositeLayer { protected innerLayers() { return [this.inner]; } ... }
 */
export abstract class CompositeLayer extends Layer {
  /** The layers owning this layer's weights, in weight order. */
  protected abstract innerLayers(): Layer[];

  override get trainable(): boolean {
    return super.trainable;
  }

  override set trainable(value: boolean) {
    super.trainable = value;
    for (const layer of this.innerLayers()) layer.trainable = value;
  }

  override get weights(): LayerWeight[] {
    return this.innerLayers().flatMap((layer) => layer.weights);
  }

  override get trainableWeights(): LayerWeight[] {
    return this.weights.filter((w) => w.trainable);
  }

  override get nonTrainableWeights(): LayerWeight[] {
    return this.weights.filter((w) => !w.trainable);
  }

  override getWeights(): tf.Tensor[] {
    return this.weights.map((w) => tf.clone(w.read()));
  }

  override setWeights(values: ReadonlyArray<tf.Tensor | { data: ArrayLike<number>; shape: number[] }>): void {
    const all = this.weights;
    if (values.length !== all.length) {
      throw new RangeError(
        `${this.name}: setWeights expects ${all.length} arrays (${all
          .map((w) => `${w.name} [${w.shape}]`)
          .join(', ')}). Received: ${values.length} arrays.`,
      );
    }
    let offset = 0;
    for (const layer of this.innerLayers()) {
      const n = layer.weights.length;
      layer.setWeights(values.slice(offset, offset + n));
      offset += n;
    }
  }

  override countParams(): number {
    return this.innerLayers().reduce((n, layer) => n + layer.countParams(), 0);
  }

  override dispose(): void {
    for (const layer of this.innerLayers()) layer.dispose();
    super.dispose();
  }
}
