import * as tf from '@tensorflow/tfjs-core';
import {
  type CallArgs,
  deserializeLayer,
  type EmbeddedIds,
  type EmbeddingConsumer,
  type Layer,
  type LayerConfig,
  type LayerOptions,
  type Shape,
} from '@tensorseq/layers-core';
import { formatDims } from './check-options';
import { CompositeLayer } from './composite-layer';
import { embeddedSequencePays } from './embedded-sequence';
import { GRUCell } from './gru-cell';
import { fusedIneligibility, fusedSequence } from './kernels/fused-sequence';
import { referenceLoop } from './kernels/reference-loop';
import type { SequenceRunOptions, SequenceRunResult } from './kernels/sequence-run';
import { LSTMCell } from './lstm-cell';
import { readLoopConfig } from './recurrent-config';
import type { RnnCell } from './rnn-cell';
import { SimpleRNNCell } from './simple-rnn-cell';

const BUILT_IN_CELLS = [SimpleRNNCell, LSTMCell, GRUCell];

/** Options of every recurrent layer (the loop's options; the cell's are added by each layer). */
export interface RecurrentLayerOptions extends LayerOptions {
  /** Return the output of every timestep `[batch, time, units]` instead of the last one. @defaultValue false */
  returnSequences?: boolean;
  /** Also return the final states: the layer then returns `[output, ...states]`. @defaultValue false */
  returnState?: boolean;
  /** Process the sequence backwards (outputs in processing order, as Keras). @defaultValue false */
  goBackwards?: boolean;
  /**
   * Carry the final states of a batch over as the initial states of the next one (sample i of a batch
   * continues sample i of the previous batch). Needs a fixed batch size (`batchInputShape`, or
   * `inputShape` plus `batchSize`); `resetStates()` starts over. @defaultValue false
   */
  stateful?: boolean;
  /**
   * Use the fused whole-sequence kernel (`'auto'`: when eligible; `true`: require it, throwing when not
   * eligible; `false`: always the reference loop of tfjs ops). Like Keras' `use_cudnn`. @defaultValue 'auto'
   */
  useFusedKernel?: 'auto' | boolean;
}

/** Options of the generic {@link RNN} layer. */
export interface RNNOptions extends RecurrentLayerOptions {
  /** The cell to run over time, or a factory given the layer's name (used by LSTM, GRU, SimpleRNN). */
  cell: RnnCell | ((layerName: string) => RnnCell);
}

/**
 * Runs a {@link RnnCell} over the time axis of `[batch, time, features]` inputs (Keras' `RNN` layer):
 * `returnSequences`, `returnState`, `goBackwards`, `stateful`, masks from `Embedding({ maskZero: true })`
 * (Keras 2 carry semantics: a masked step repeats the previous output and keeps the states).
 *
 * Fast path: the built-in cells run as ONE fused whole-sequence kernel from `@tensorseq/kernels` (input
 * projection for all steps as one matmul, recurrent matmul + fused gate math per step, backpropagation
 * through time as one custom gradient). It is used when all of these hold (else the reference loop runs):
 * 1. `useFusedKernel` is not `false`;
 * 2. the cell is a built-in `SimpleRNNCell`, `LSTMCell` or `GRUCell`;
 * 3. the active tfjs backend reads tensors synchronously (`cpu`, `wasm`, `tensorflow`);
 * 4. the inputs are float32 and `[batch, time, features]` with time ≥ 1.
 *
 * @example
 * const rnn = new RNN({ cell: new GRUCell({ units: 8 }), returnSequences: true });
 * rnn.apply(tf.ones([2, 10, 3])); // → Tensor [2, 10, 8]
 */
export class RNN extends CompositeLayer implements EmbeddingConsumer {
  static override readonly className: string = 'RNN';
  readonly cell: RnnCell;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly goBackwards: boolean;
  readonly stateful: boolean;
  readonly useFusedKernel: 'auto' | boolean;
  override supportsMasking = true;
  /** States carried between batches when stateful (null until the first call or after a reset). */
  private carried: tf.Tensor2D[] | null = null;
  /** The previous carried states: kept until the next call because the last backward pass may read them. */
  private retired: tf.Tensor2D[] = [];

  constructor(options: RNNOptions) {
    super(options);
    const { returnSequences = false, returnState = false, goBackwards = false, stateful = false } = options;
    const { useFusedKernel = 'auto' } = options;
    if (useFusedKernel !== 'auto' && typeof useFusedKernel !== 'boolean') {
      throw new RangeError(
        `${this.className}: useFusedKernel must be "auto", true or false. Received: useFusedKernel=${String(useFusedKernel)}.`,
      );
    }
    this.cell = typeof options.cell === 'function' ? options.cell(this.name) : options.cell;
    this.returnSequences = returnSequences;
    this.returnState = returnState;
    this.goBackwards = goBackwards;
    this.stateful = stateful;
    this.useFusedKernel = useFusedKernel;
  }

  /** Number of units of the cell (size of the output and of each state). */
  get units(): number {
    return this.cell.units;
  }

  protected innerLayers(): Layer[] {
    return [this.cell];
  }

  override build(inputShape: Shape): void {
    const shape = this.checkInputShape(inputShape);
    if (this.stateful && (this.batchInputShape?.[0] ?? shape[0]) == null) {
      throw new RangeError(
        `${this.className}: batch size must be fixed when stateful is true. Received: inputShape=${formatDims(shape)}. To fix this, pass batchInputShape (or inputShape and batchSize) to the first layer of the model.`,
      );
    }
    if (!this.cell.built) this.cell.build([shape[0], shape[2]]);
    super.build(inputShape);
  }

  computeOutputShape(inputShape: Shape): Shape {
    if (this.returnState) {
      throw new RangeError(
        `${this.className}: returnState must be false for a layer with one output (e.g. inside Sequential). Received: returnState=true. To fix this, call the layer directly to get [output, ...states].`,
      );
    }
    return this.outputShapes(inputShape)[0];
  }

  /** Shapes of every output: the main one, then (with `returnState`) each state. */
  outputShapes(inputShape: Shape): Shape[] {
    const [batch, time] = this.checkInputShape(inputShape);
    const main: Shape = this.returnSequences ? [batch, time, this.units] : [batch, this.units];
    const states = this.returnState
      ? Array.from({ length: this.cell.stateCount }, () => [batch, this.units])
      : [];
    return [main, ...states];
  }

  override computeMask(_inputs: tf.Tensor, mask: tf.Tensor | null): tf.Tensor | null {
    return this.returnSequences ? mask : null;
  }

  call(inputs: tf.Tensor, args: CallArgs): tf.Tensor | tf.Tensor[] {
    const x = this.checkInput(inputs);
    const [batch, time, features] = x.shape;
    const mask = this.checkMask(args.mask ?? null, batch, time);
    return this.runAndCarry(x, null, [batch, features], mask, args.training ?? false);
  }

  /**
   * This layer on `table[ids]` without gathering the vectors (see `EmbeddingConsumer`): the fused kernel
   * projects every word of the table once (`table @ kernel`) and each step picks its rows, and the
   * table's gradient is the per-word sum of the steps' input gradients. Used when the fused kernel runs
   * this cell, the layer returns one output, no input dropout applies in this call, and the batch has at
   * least twice as many steps as the table has rows (IMDB's Embedding(10000) at batch 128 × 500 steps
   * does); otherwise null, and the layers run one after the other.
   *
   * @example
   * ```ts
   * rnn.applyToEmbedding({ table, ids }, { training: true }); // → [B, units], or null
   * ```
   */
  applyToEmbedding(embedded: EmbeddedIds, args: CallArgs = {}): tf.Tensor | null {
    const { table, ids } = embedded;
    const training = args.training ?? false;
    if (this.returnState || ids.rank !== 2 || table.rank !== 2 || this.useFusedKernel === false) return null;
    const [batch, time] = ids.shape as [number, number];
    const [vocab, features] = table.shape as [number, number];
    if (!embeddedSequencePays(vocab, batch, time)) return null;
    if (training && this.cell.dropoutMasks.rate > 0) return null;
    const spec = this.cell.fusedSpec();
    if (!spec || fusedIneligibility(spec) !== null || spec.kernel.shape[0] !== features) return null;
    if (!this.built) this.build([batch, time, features]);
    return this.runAndCarry(table, ids, [batch, features], null, training) as tf.Tensor;
  }

  /**
   * Runs the sequence (on `x` [B, T, F], or on the rows `ids` pick from the table `x`), carries the final
   * states when stateful, and returns the output (with the states when `returnState`).
   */
  private runAndCarry(
    x: tf.Tensor,
    ids: tf.Tensor | null,
    [batch, features]: [number, number],
    mask: tf.Tensor2D | null,
    training: boolean,
  ): tf.Tensor | tf.Tensor[] {
    this.disposeRetired();
    const kept = tf.tidy(() => {
      const run = this.runSequence(x, {
        initialStates: this.initialStates(batch),
        mask,
        goBackwards: this.goBackwards,
        dropout: this.cell.dropoutMasks.draw({ batch, features, units: this.units, training }),
        returnSequences: this.returnSequences,
        training,
        ids,
      });
      const output = run.outputs ?? run.lastOutput;
      // The last output often IS the first state; separate tensors let each be disposed on its own.
      return [output, ...run.finalStates.map((st) => (st === output ? tf.clone(st) : st))];
    });
    const [output, ...finalStates] = kept;
    if (this.stateful) this.carry(finalStates as tf.Tensor2D[]);
    if (this.returnState) return kept;
    for (const s of finalStates) s.dispose();
    return output as tf.Tensor;
  }

  /**
   * Resets the carried states of a stateful layer to zeros (or to `states`, each `[batch, units]`).
   *
   * @example
   * layer.resetStates(); // the next batch starts from zero states
   */
  override resetStates(states?: tf.Tensor[]): void {
    this.disposeCarried();
    if (states) this.carried = states.map((s) => tf.keep(tf.clone(s)) as tf.Tensor2D);
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      returnSequences: this.returnSequences,
      returnState: this.returnState,
      goBackwards: this.goBackwards,
      stateful: this.stateful,
      useFusedKernel: this.useFusedKernel,
      ...this.cellConfig(),
    };
  }

  static fromConfig(config: LayerConfig): RNN {
    const serialized = config.cell as { className: string; config: LayerConfig };
    const builtIn = BUILT_IN_CELLS.find((c) => c.className === serialized.className);
    const cell = (builtIn ? builtIn.fromConfig(serialized.config) : deserializeLayer(serialized)) as RnnCell;
    return new RNN({ ...readLoopConfig(config, RNN.className), cell });
  }

  override dispose(): void {
    this.disposeCarried();
    this.disposeRetired();
    super.dispose();
  }

  /** The cell part of `getConfig()`: nested `{ className, config }` here; flattened by the thin layers. */
  protected cellConfig(): LayerConfig {
    return { cell: { className: this.cell.className, config: this.cell.getConfig() } };
  }

  private runSequence(x: tf.Tensor, options: SequenceRunOptions): SequenceRunResult {
    const spec = this.useFusedKernel === false ? null : this.cell.fusedSpec();
    const reason = this.useFusedKernel === false ? 'useFusedKernel is false' : fusedIneligibility(spec);
    if (spec && reason === null) return fusedSequence(spec, x, options);
    if (this.useFusedKernel === true) {
      throw new Error(
        `${this.className}: useFusedKernel must be "auto" or false when the fused kernel is not eligible. Received: useFusedKernel=true (${reason}).`,
      );
    }
    // Embedded ids only come from applyToEmbedding, which checked that the fused kernel runs.
    return referenceLoop(this.cell, x as tf.Tensor3D, options);
  }

  private initialStates(batch: number): tf.Tensor2D[] {
    if (this.stateful && this.carried) {
      const expected = this.carried[0].shape[0];
      if (expected !== batch) {
        throw new RangeError(
          `${this.className}: batch size must equal the stateful batch size ${expected}. Received: batch=${batch}.`,
        );
      }
      return this.carried;
    }
    return tf.tidy(() =>
      Array.from({ length: this.cell.stateCount }, () => tf.zeros([batch, this.units]) as tf.Tensor2D),
    );
  }

  private carry(finalStates: tf.Tensor2D[]): void {
    if (this.carried) this.retired.push(...this.carried);
    this.carried = finalStates.map((s) => tf.keep(tf.clone(s)));
  }

  private disposeCarried(): void {
    for (const s of this.carried ?? []) s.dispose();
    this.carried = null;
  }

  private disposeRetired(): void {
    for (const s of this.retired) s.dispose();
    this.retired = [];
  }

  private checkInputShape(shape: Shape): Shape {
    if (shape.length !== 3) {
      throw new RangeError(
        `${this.className}: inputs must be 3-D [batch, time, features]. Received: inputShape=${formatDims(shape)}.`,
      );
    }
    return shape;
  }

  private checkInput(inputs: tf.Tensor): tf.Tensor3D {
    this.checkInputShape(inputs.shape);
    return inputs as tf.Tensor3D;
  }

  private checkMask(mask: tf.Tensor | null, batch: number, time: number): tf.Tensor2D | null {
    if (mask === null) return null;
    if (mask.rank !== 2 || mask.shape[0] !== batch || mask.shape[1] !== time) {
      throw new RangeError(
        `${this.className}: mask must have shape [batch, time] = [${batch}, ${time}]. Received: mask.shape=${formatDims(mask.shape)}.`,
      );
    }
    return mask as tf.Tensor2D;
  }
}
