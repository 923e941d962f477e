import * as tf from '@tensorflow/tfjs-core';
import { type Initializer, type LayerConfig, resolveInitializer, type Shape } from '@tensorseq/layers-core';
import {
  type BaseCellOptions,
  type CheckedCellOptions,
  checkCellOptions,
  checkRecurrentActivation,
  serializeCellOptions,
} from './cell-options';
import { applyStepDropout, type CellWeights, featureCount, requireWeights } from './cell-weights';
import { DropoutMasks } from './dropout-masks';
import { applyActivation, type RecurrentActivation } from './recurrent-activation';
import { type FusedCellSpec, RnnCell, type RnnStepArgs, type RnnStepResult } from './rnn-cell';

/** Options of {@link LSTMCell}. */
export interface LSTMCellOptions extends BaseCellOptions {
  /**
   * Activation of the input, forget and output gates: `'sigmoid'` (today's Keras) or `'hardSigmoid'`
   * (Keras 2.0, the book). @defaultValue 'sigmoid'
   */
  recurrentActivation?: RecurrentActivation;
  /** Initialize the forget-gate bias to 1 (Jozefowicz et al., 2015), as Keras does. @defaultValue true */
  unitForgetBias?: boolean;
}

/**
 * One LSTM step (Keras gate order i, f, c, o):
 * `z = x@K + h@U + b; i, f, o = ra(z_i, z_f, z_o); c' = f*c + i*act(z_c); h' = o*act(c')`.
 * Weights (Keras order): kernel `[features, 4·units]`, recurrentKernel `[units, 4·units]`, bias `[4·units]`.
 *
 * @example
 * const cell = new LSTMCell({ units: 32, recurrentActivation: 'hardSigmoid' }); // the book's Keras 2 LSTM
 */
export class LSTMCell extends RnnCell {
  static override readonly className: string = 'LSTMCell';
  readonly units: number;
  readonly stateCount = 2;
  readonly dropoutMasks: DropoutMasks;
  private readonly options: CheckedCellOptions;
  private readonly recurrentActivation: RecurrentActivation;
  private readonly unitForgetBias: boolean;
  private cellWeights: CellWeights | null = null;

  constructor(options: LSTMCellOptions) {
    super(options);
    this.options = checkCellOptions(options, this.className);
    this.recurrentActivation = checkRecurrentActivation(options.recurrentActivation, this.className);
    this.unitForgetBias = options.unitForgetBias ?? true;
    this.units = this.options.units;
    this.dropoutMasks = new DropoutMasks(this.options.dropout, this.options.recurrentDropout, this.seeds);
  }

  override build(inputShape: Shape): void {
    const { units, useBias } = this.options;
    const features = featureCount(this.className, inputShape);
    const init = (id: CheckedCellOptions['kernelInitializer']) => resolveInitializer(id, this.className);
    const biasInit = init(this.options.biasInitializer);
    this.cellWeights = {
      kernel: this.addWeight('kernel', [features, 4 * units], {
        initializer: init(this.options.kernelInitializer),
      }),
      recurrentKernel: this.addWeight('recurrent_kernel', [units, 4 * units], {
        initializer: init(this.options.recurrentInitializer),
      }),
      bias: useBias
        ? this.addWeight('bias', [4 * units], {
            initializer: this.unitForgetBias ? forgetBiasOnes(biasInit, units) : biasInit,
          })
        : null,
    };
    super.build(inputShape);
  }

  step(input: tf.Tensor2D, states: tf.Tensor2D[], args: RnnStepArgs): RnnStepResult {
    const { kernel, recurrentKernel, bias } = requireWeights(this.name, this.cellWeights);
    const [x, hPrev] = applyStepDropout(input, states[0], args);
    const cPrev = states[1];
    let z = tf.add(tf.matMul(x, kernel.read()), tf.matMul(hPrev, recurrentKernel.read()));
    if (bias) z = tf.add(z, bias.read());
    const [zi, zf, zc, zo] = tf.split(z, 4, 1);
    const ra = (t: tf.Tensor) => applyActivation(this.recurrentActivation, t);
    const act = (t: tf.Tensor) => applyActivation(this.options.activation, t);
    const c = tf.add(tf.mul(ra(zf), cPrev), tf.mul(ra(zi), act(zc))) as tf.Tensor2D;
    const h = tf.mul(ra(zo), act(c)) as tf.Tensor2D;
    return { output: h, states: [h, c] };
  }

  override fusedSpec(): FusedCellSpec {
    const { kernel, recurrentKernel, bias } = requireWeights(this.name, this.cellWeights);
    return {
      cell: 'lstm',
      activation: this.options.activation,
      recurrentActivation: this.recurrentActivation,
      resetAfter: false,
      kernel: kernel.read(),
      recurrentKernel: recurrentKernel.read(),
      bias: bias ? bias.read() : null,
    };
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      ...serializeCellOptions(this.options),
      recurrentActivation: this.recurrentActivation,
      unitForgetBias: this.unitForgetBias,
    };
  }

  static fromConfig(config: LayerConfig): LSTMCell {
    return new LSTMCell(config as unknown as LSTMCellOptions);
  }
}

/** Keras' unit-forget-bias initializer: `[init(units), ones(units), init(2·units)]`. */
function forgetBiasOnes(init: Initializer, units: number): Initializer {
  return {
    className: 'UnitForgetBias',
    apply: (_shape, seeds) =>
      tf.tidy(() =>
        tf.concat([init.apply([units], seeds), tf.ones([units]), init.apply([2 * units], seeds)]),
      ),
    getConfig: () => ({}),
  };
}
