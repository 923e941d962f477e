import * as tf from '@tensorflow/tfjs-core';
import { type LayerConfig, resolveInitializer, type Shape } from '@tensorseq/layers-core';
import {
  type BaseCellOptions,
  type CheckedCellOptions,
  checkCellOptions,
  serializeCellOptions,
} from './cell-options';
import { applyStepDropout, type CellWeights, featureCount, requireWeights } from './cell-weights';
import { DropoutMasks } from './dropout-masks';
import { applyActivation } from './recurrent-activation';
import { type FusedCellSpec, RnnCell, type RnnStepArgs, type RnnStepResult } from './rnn-cell';

/** Options of {@link SimpleRNNCell}. */
export type SimpleRNNCellOptions = BaseCellOptions;

/**
 * One step of a fully connected recurrence: `h_t = activation(x_t @ kernel + h_{t-1} @ recurrentKernel + bias)`.
 * Weights (Keras order): kernel `[features, units]`, recurrentKernel `[units, units]`, bias `[units]`.
 *
 * @example
 * const cell = new SimpleRNNCell({ units: 32 });
 * const layer = new RNN({ cell }); // same as new SimpleRNN({ units: 32 })
 */
export class SimpleRNNCell extends RnnCell {
  static override readonly className: string = 'SimpleRNNCell';
  readonly units: number;
  readonly stateCount = 1;
  readonly dropoutMasks: DropoutMasks;
  protected readonly options: CheckedCellOptions;
  private cellWeights: CellWeights | null = null;

  constructor(options: SimpleRNNCellOptions) {
    super(options);
    this.options = checkCellOptions(options, this.className);
    this.units = this.options.units;
    this.dropoutMasks = new DropoutMasks(this.options.dropout, this.options.recurrentDropout, this.seeds);
  }

  override build(inputShape: Shape): void {
    const { units, useBias } = this.options;
    const features = featureCount(this.className, inputShape);
    const init = (id: CheckedCellOptions['kernelInitializer']) => resolveInitializer(id, this.className);
    this.cellWeights = {
      kernel: this.addWeight('kernel', [features, units], {
        initializer: init(this.options.kernelInitializer),
      }),
      recurrentKernel: this.addWeight('recurrent_kernel', [units, units], {
        initializer: init(this.options.recurrentInitializer),
      }),
      bias: useBias
        ? this.addWeight('bias', [units], { initializer: init(this.options.biasInitializer) })
        : null,
    };
    super.build(inputShape);
  }

  step(input: tf.Tensor2D, states: tf.Tensor2D[], args: RnnStepArgs): RnnStepResult {
    const { kernel, recurrentKernel, bias } = this.builtWeights();
    const [x, hPrev] = applyStepDropout(input, states[0], args);
    let z = tf.add(tf.matMul(x, kernel.read()), tf.matMul(hPrev, recurrentKernel.read()));
    if (bias) z = tf.add(z, bias.read());
    const h = applyActivation(this.options.activation, z) as tf.Tensor2D;
    return { output: h, states: [h] };
  }

  override fusedSpec(): FusedCellSpec | null {
    const { kernel, recurrentKernel, bias } = this.builtWeights();
    return {
      cell: 'simpleRnn',
      activation: this.options.activation,
      recurrentActivation: 'sigmoid',
      resetAfter: false,
      kernel: kernel.read(),
      recurrentKernel: recurrentKernel.read(),
      bias: bias ? bias.read() : null,
    };
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), ...serializeCellOptions(this.options) };
  }

  static fromConfig(config: LayerConfig): SimpleRNNCell {
    return new SimpleRNNCell(config as unknown as SimpleRNNCellOptions);
  }

  private builtWeights(): CellWeights {
    return requireWeights(this.name, this.cellWeights);
  }
}
