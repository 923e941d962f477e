import * as tf from '@tensorflow/tfjs-core';
import { assertPositiveInteger } from '@tensorseq/utils';
import { type ActivationFunction, resolveActivation } from '../activations';
import {
  type InitializerIdentifier,
  resolveInitializer,
  type SerializedInitializer,
  serializeInitializer,
} from '../initializers';
import { type CallArgs, Layer, type LayerConfig, type LayerOptions } from '../layer';
import type { LayerWeight } from '../layer-weight';
import type { Shape } from '../shape';

/** Options of {@link Dense}. */
export interface DenseOptions extends LayerOptions {
  /** Output size (last axis). */
  units: number;
  /** Activation name (`'relu'`, `'sigmoid'`...). @defaultValue 'linear' */
  activation?: string | null;
  /** @defaultValue true */
  useBias?: boolean;
  /** @defaultValue 'glorotUniform' */
  kernelInitializer?: InitializerIdentifier;
  /** @defaultValue 'zeros' */
  biasInitializer?: InitializerIdentifier;
  /** Shorthand for `inputShape: [inputDim]`. */
  inputDim?: number;
}

/**
 * Keras' `Dense`: `activation(x @ kernel + bias)` on the last axis (also for 3-D inputs); kernel
 * `[inputDim, units]`, bias `[units]`. Passes masks through.
 *
 * @example
 * const dense = new Dense({ units: 16, activation: 'relu', inputShape: [10000] });
 * dense.computeOutputShape([null, 10000]); // → [null, 16]
 */
export class Dense extends Layer {
  static override readonly className = 'Dense';
  readonly units: number;
  readonly activation: ActivationFunction;
  readonly useBias: boolean;
  private readonly kernelInitializer: InitializerIdentifier;
  private readonly biasInitializer: InitializerIdentifier;
  private kernel: LayerWeight | null = null;
  private bias: LayerWeight | null = null;

  constructor(options: DenseOptions) {
    const inputShape = options.inputShape ?? (options.inputDim ? [options.inputDim] : undefined);
    super({ ...options, inputShape });
    assertPositiveInteger('Dense', 'units', options?.units);
    this.units = options.units;
    this.activation = resolveActivation(options.activation, 'Dense');
    this.useBias = options.useBias ?? true;
    this.kernelInitializer = resolveInitializer(options.kernelInitializer ?? 'glorotUniform', 'Dense');
    this.biasInitializer = resolveInitializer(options.biasInitializer ?? 'zeros', 'Dense');
    this.supportsMasking = true;
  }

  override build(inputShape: Shape): void {
    const inputDim = inputShape[inputShape.length - 1];
    if (inputShape.length < 2 || typeof inputDim !== 'number') {
      throw new RangeError(
        `Dense "${this.name}": input shape must have rank ≥ 2 and a known last axis. Received: input shape=[${inputShape.map(String).join(', ')}].`,
      );
    }
    this.kernel = this.addWeight('kernel', [inputDim, this.units], { initializer: this.kernelInitializer });
    if (this.useBias) this.bias = this.addWeight('bias', [this.units], { initializer: this.biasInitializer });
    super.build(inputShape);
  }

  computeOutputShape(inputShape: Shape): Shape {
    return [...inputShape.slice(0, -1), this.units];
  }

  call(inputs: tf.Tensor, _args: CallArgs = {}): tf.Tensor {
    const kernel = (this.kernel as LayerWeight).read();
    const inputDim = kernel.shape[0];
    if (inputs.shape[inputs.rank - 1] !== inputDim) {
      throw new RangeError(
        `Dense "${this.name}": input last axis must be ${inputDim}. Received: input shape=[${inputs.shape.join(', ')}].`,
      );
    }
    return tf.tidy(() => {
      const x2d = (inputs.rank === 2 ? inputs : tf.reshape(inputs, [-1, inputDim])) as tf.Tensor2D;
      const product = tf.matMul(x2d.dtype === 'float32' ? x2d : tf.cast(x2d, 'float32'), kernel);
      const y = this.activation.apply(this.bias ? tf.add(product, this.bias.read()) : product);
      return inputs.rank === 2 ? y : tf.reshape(y, [...inputs.shape.slice(0, -1), this.units]);
    });
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      units: this.units,
      activation: this.activation.name,
      useBias: this.useBias,
      kernelInitializer: serializeInitializer(resolveInitializer(this.kernelInitializer)),
      biasInitializer: serializeInitializer(resolveInitializer(this.biasInitializer)),
    };
  }

  static fromConfig(config: LayerConfig): Dense {
    return new Dense(config as unknown as DenseOptions & { kernelInitializer: SerializedInitializer });
  }
}
