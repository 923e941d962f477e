import * as tf from '@tensorflow/tfjs-core';
import { type LayerConfig, resolveInitializer, type Shape } from '@tensorseq/layers-core';
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

/** Options of {@link GRUCell}. */
export interface GRUCellOptions extends BaseCellOptions {
  /**
   * Activation of the update and reset gates: `'sigmoid'` (today's Keras) or `'hardSigmoid'` (Keras 2.0,
   * the book). @defaultValue 'sigmoid'
   */
  recurrentActivation?: RecurrentActivation;
  /**
   * Apply the reset gate after the recurrent matmul (TF2 / cuDNN convention, bias `[2, 3·units]`: input and
   * recurrent bias) instead of before it (Keras 2.0, bias `[3·units]`). @defaultValue true
   */
  resetAfter?: boolean;
}

/**
 * One GRU step (Keras gate order z, r, h). `resetAfter: false`:
 * `hh = act(x@K_h + b_h + (r*h)@U_h)`; `resetAfter: true`: `hh = act(x@K_h + bi_h + r*(h@U_h + br_h))`;
 * then `h' = z*h + (1-z)*hh`. Weights (Keras order): kernel `[features, 3·units]`, recurrentKernel
 * `[units, 3·units]`, bias `[3·units]` or `[2, 3·units]`.
 *
 * @example
 * const cell = new GRUCell({ units: 32, resetAfter: false, recurrentActivation: 'hardSigmoid' }); // Keras 2.0
 */
export class GRUCell extends RnnCell {
  static override readonly className: string = 'GRUCell';
  readonly units: number;
  readonly stateCount = 1;
  readonly dropoutMasks: DropoutMasks;
  private readonly options: CheckedCellOptions;
  private readonly recurrentActivation: RecurrentActivation;
  private readonly resetAfter: boolean;
  private cellWeights: CellWeights | null = null;

  constructor(options: GRUCellOptions) {
    super(options);
    this.options = checkCellOptions(options, this.className);
    this.recurrentActivation = checkRecurrentActivation(options.recurrentActivation, this.className);
    this.resetAfter = options.resetAfter ?? true;
    this.units = this.options.units;
    this.dropoutMasks = new DropoutMasks(this.options.dropout, this.options.recurrentDropout, this.seeds);
  }

  override build(inputShape: Shape): void {
    const { units, useBias } = this.options;
    const features = featureCount(this.className, inputShape);
    const init = (id: CheckedCellOptions['kernelInitializer']) => resolveInitializer(id, this.className);
    this.cellWeights = {
      kernel: this.addWeight('kernel', [features, 3 * units], {
        initializer: init(this.options.kernelInitializer),
      }),
      recurrentKernel: this.addWeight('recurrent_kernel', [units, 3 * units], {
        initializer: init(this.options.recurrentInitializer),
      }),
      bias: useBias
        ? this.addWeight('bias', this.resetAfter ? [2, 3 * units] : [3 * units], {
            initializer: init(this.options.biasInitializer),
          })
        : null,
    };
    super.build(inputShape);
  }

  step(input: tf.Tensor2D, states: tf.Tensor2D[], args: RnnStepArgs): RnnStepResult {
    const weights = requireWeights(this.name, this.cellWeights);
    const [x, hDropped] = applyStepDropout(input, states[0], args);
    const hh = this.resetAfter
      ? this.candidateAfter(weights, x, hDropped)
      : this.candidateBefore(weights, x, hDropped);
    // The blend uses the undropped previous state: dropout only perturbs what enters the matmuls.
    const h = tf.add(tf.mul(hh.z, states[0]), tf.mul(tf.sub(1, hh.z), hh.candidate)) as tf.Tensor2D;
    return { output: h, states: [h] };
  }

  override fusedSpec(): FusedCellSpec {
    const { kernel, recurrentKernel, bias } = requireWeights(this.name, this.cellWeights);
    return {
      cell: 'gru',
      activation: this.options.activation,
      recurrentActivation: this.recurrentActivation,
      resetAfter: this.resetAfter,
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
      resetAfter: this.resetAfter,
    };
  }

  static fromConfig(config: LayerConfig): GRUCell {
    return new GRUCell(config as unknown as GRUCellOptions);
  }

  /** Keras 2.0 variant: the reset gate scales h before the recurrent matmul of the candidate. */
  private candidateBefore(w: CellWeights, x: tf.Tensor2D, h: tf.Tensor2D) {
    const u = this.units;
    const rk = w.recurrentKernel.read();
    let xz = tf.matMul(x, w.kernel.read());
    if (w.bias) xz = tf.add(xz, w.bias.read());
    const [xZ, xR, xH] = tf.split(xz, 3, 1);
    const [hZ, hR] = tf.split(tf.matMul(h, tf.slice(rk, [0, 0], [u, 2 * u])), 2, 1);
    const z = this.gate(tf.add(xZ, hZ));
    const r = this.gate(tf.add(xR, hR));
    const recurrentH = tf.matMul(tf.mul(r, h), tf.slice(rk, [0, 2 * u], [u, u]));
    return { z, candidate: applyActivation(this.options.activation, tf.add(xH, recurrentH)) };
  }

  /** TF2 / cuDNN variant: the reset gate scales the recurrent projection (plus its own bias). */
  private candidateAfter(w: CellWeights, x: tf.Tensor2D, h: tf.Tensor2D) {
    let xz = tf.matMul(x, w.kernel.read());
    let hz = tf.matMul(h, w.recurrentKernel.read());
    if (w.bias) {
      const [inputBias, recurrentBias] = tf.unstack(w.bias.read(), 0);
      xz = tf.add(xz, inputBias);
      hz = tf.add(hz, recurrentBias);
    }
    const [xZ, xR, xH] = tf.split(xz, 3, 1);
    const [hZ, hR, hH] = tf.split(hz, 3, 1);
    const z = this.gate(tf.add(xZ, hZ));
    const r = this.gate(tf.add(xR, hR));
    return { z, candidate: applyActivation(this.options.activation, tf.add(xH, tf.mul(r, hH))) };
  }

  private gate(t: tf.Tensor): tf.Tensor {
    return applyActivation(this.recurrentActivation, t);
  }
}
