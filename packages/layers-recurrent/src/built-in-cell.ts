import * as tf from '@tensorflow/tfjs-core';
import { type Initializer, type LayerConfig, resolveInitializer, type Shape } from '@tensorseq/layers-core';
import {
  type AnyCellOptions,
  CELL_KINDS,
  type ResolvedCellOptions,
  resolveCellOptions,
  serializeCellConfig,
} from './cell-kinds';
import { applyStepDropout, type CellWeights, featureCount, requireWeights } from './cell-weights';
import { DropoutMasks } from './dropout-masks';
import {
  type FusedCellSpec,
  RnnCell,
  type RnnCellKind,
  type RnnStepArgs,
  type RnnStepResult,
} from './rnn-cell';

/**
 * What the built-in cells share, driven by their row of the cell table: option checks and defaults,
 * Keras' weight layout (kernel `[features, gates·units]`, recurrentKernel `[units, gates·units]`, bias
 * `[gates·units]`, or `[2, 3·units]` for a GRU with `resetAfter`), dropout, the fused-kernel description
 * and the config. A subclass only names its family.
 *
 * @example
 * class LSTMCell extends BuiltInCell { constructor(o: LSTMCellOptions) { super('lstm', o); } }
 */
export abstract class BuiltInCell extends RnnCell {
  readonly units: number;
  readonly stateCount: number;
  readonly dropoutMasks: DropoutMasks;
  /** The resolved options (Keras defaults filled in). */
  protected readonly options: ResolvedCellOptions;
  private readonly kind: RnnCellKind;
  private cellWeights: CellWeights | null = null;

  protected constructor(kind: RnnCellKind, options: AnyCellOptions) {
    super(options);
    this.kind = kind;
    this.options = resolveCellOptions(kind, options, this.className);
    this.units = this.options.units;
    this.stateCount = CELL_KINDS[kind].stateCount;
    this.dropoutMasks = new DropoutMasks(this.options.dropout, this.options.recurrentDropout, this.seeds);
  }

  override build(inputShape: Shape): void {
    const { units, useBias, resetAfter } = this.options;
    const width = CELL_KINDS[this.kind].gates * units;
    const init = (id: ResolvedCellOptions['kernelInitializer']) => resolveInitializer(id, this.className);
    const biasInit = init(this.options.biasInitializer);
    this.cellWeights = {
      kernel: this.addWeight('kernel', [featureCount(this.className, inputShape), width], {
        initializer: init(this.options.kernelInitializer),
      }),
      recurrentKernel: this.addWeight('recurrent_kernel', [units, width], {
        initializer: init(this.options.recurrentInitializer),
      }),
      bias: useBias
        ? this.addWeight('bias', resetAfter ? [2, width] : [width], {
            initializer: this.options.unitForgetBias ? forgetBiasOnes(biasInit, units) : biasInit,
          })
        : null,
    };
    super.build(inputShape);
  }

  step(input: tf.Tensor2D, states: tf.Tensor2D[], args: RnnStepArgs): RnnStepResult {
    const weights = requireWeights(this.name, this.cellWeights);
    const [x, hDropped] = applyStepDropout(input, states[0], args);
    return CELL_KINDS[this.kind].step(weights, x, hDropped, states, this.options);
  }

  override fusedSpec(): FusedCellSpec {
    const { kernel, recurrentKernel, bias } = requireWeights(this.name, this.cellWeights);
    return {
      cell: this.kind,
      activation: this.options.activation,
      recurrentActivation: this.options.recurrentActivation,
      resetAfter: this.options.resetAfter,
      kernel: kernel.read(),
      recurrentKernel: recurrentKernel.read(),
      bias: bias ? bias.read() : null,
    };
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), ...serializeCellConfig(this.kind, this.options) };
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
