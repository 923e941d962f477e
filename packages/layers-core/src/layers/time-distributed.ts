import * as tf from '@tensorflow/tfjs-core';
import { type CallArgs, deserializeLayer, Layer, type LayerConfig, type LayerOptions } from '../layer';
import type { LayerWeight } from '../layer-weight';
import type { Shape } from '../shape';

/** Options of {@link TimeDistributed}. */
export type TimeDistributedOptions = LayerOptions;

/**
 * Keras' `TimeDistributed` wrapper: applies the wrapped layer to every timestep of a
 * `[batch, time, ...features]` input (the steps are folded into the batch axis, run through the layer as
 * one call, and unfolded again). Its weights are the wrapped layer's, in the same order, so Keras files
 * with `TimeDistributed(Dense(...))` load as they are. Masks pass through unchanged.
 *
 * @example
 * const td = new TimeDistributed(new Dense({ units: 344, activation: 'softmax' }));
 * td.apply(tf.ones([2, 21, 64])); // → Tensor [2, 21, 344]; 22,360 parameters
 */
export class TimeDistributed extends Layer {
  static override readonly className: string = 'TimeDistributed';
  /** The layer applied at each timestep. */
  readonly layer: Layer;

  constructor(layer: Layer, options: TimeDistributedOptions = {}) {
    super(options);
    if (!(layer instanceof Layer)) {
      throw new TypeError(
        `TimeDistributed: layer must be a Layer instance (e.g. new Dense({ units: 8 })). Received: layer=${String(layer)}.`,
      );
    }
    this.layer = layer;
    this.supportsMasking = true;
  }

  override build(inputShape: Shape): void {
    if (inputShape.length < 3) {
      throw new RangeError(
        `TimeDistributed "${this.name}": input shape must have rank ≥ 3 ([batch, time, ...features]). Received: input shape=[${inputShape.map(String).join(', ')}].`,
      );
    }
    if (!this.layer.built) this.layer.build(this.stepShape(inputShape));
    super.build(inputShape);
  }

  computeOutputShape(inputShape: Shape): Shape {
    const step = this.layer.computeOutputShape(this.stepShape(inputShape));
    return [inputShape[0], inputShape[1], ...step.slice(1)];
  }

  call(inputs: tf.Tensor, args: CallArgs = {}): tf.Tensor {
    return tf.tidy(() => {
      const [batch, time, ...features] = inputs.shape;
      const folded = tf.reshape(inputs, [batch * time, ...features]);
      const out = this.layer.apply(folded, { training: args.training });
      const y = Array.isArray(out) ? out[0] : out;
      return tf.reshape(y, [batch, time, ...y.shape.slice(1)]);
    });
  }

  override get trainable(): boolean {
    return super.trainable;
  }

  /** Freezing the wrapper freezes the wrapped layer, as in Keras. */
  override set trainable(value: boolean) {
    super.trainable = value;
    if (this.layer) this.layer.trainable = value;
  }

  override get weights(): LayerWeight[] {
    return this.layer.weights;
  }

  override get trainableWeights(): LayerWeight[] {
    return this.layer.trainableWeights;
  }

  override get nonTrainableWeights(): LayerWeight[] {
    return this.layer.nonTrainableWeights;
  }

  override getWeights(): tf.Tensor[] {
    return this.layer.getWeights();
  }

  override setWeights(values: ReadonlyArray<tf.Tensor | { data: ArrayLike<number>; shape: number[] }>): void {
    this.layer.setWeights(values);
  }

  override countParams(): number {
    return this.layer.countParams();
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      layer: { className: this.layer.className, config: this.layer.getConfig() },
    };
  }

  static fromConfig(config: LayerConfig): TimeDistributed {
    const { layer, ...options } = config;
    return new TimeDistributed(
      deserializeLayer(layer as { className: string; config: LayerConfig }),
      options as TimeDistributedOptions,
    );
  }

  override dispose(): void {
    this.layer.dispose();
    super.dispose();
  }

  /** The per-step input shape: batch and time folded into one axis. */
  private stepShape(inputShape: Shape): Shape {
    const [batch, time, ...features] = inputShape;
    return [batch === null || time === null ? null : (batch as number) * (time as number), ...features];
  }
}
