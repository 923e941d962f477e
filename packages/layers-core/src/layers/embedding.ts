import * as tf from '@tensorflow/tfjs-core';
import { assertPositiveInteger } from '@tensorseq/utils';
import { isEmbeddingConsumer } from '../embedded-ids';
import {
  type InitializerIdentifier,
  randomUniform,
  resolveInitializer,
  serializeInitializer,
} from '../initializers';
import { type CallArgs, Layer, type LayerConfig, type LayerOptions } from '../layer';
import type { LayerWeight } from '../layer-weight';
import { embeddingLookup } from '../ops/embedding-lookup';
import type { Shape } from '../shape';

/** Options of {@link Embedding}. */
export interface EmbeddingOptions extends LayerOptions {
  /** Vocabulary size: ids are in `[0, inputDim)`. */
  inputDim: number;
  /** Size of each vector. */
  outputDim: number;
  /** @defaultValue randomUniform(-0.05, 0.05), as in Keras */
  embeddingsInitializer?: InitializerIdentifier;
  /** Treat id 0 as padding: emit a mask `ids != 0` for downstream recurrent layers. @defaultValue false */
  maskZero?: boolean;
  /** Sequence length (needed when a `Flatten` follows); sets `inputShape: [inputLength]`. */
  inputLength?: number | number[];
}

/**
 * Keras' `Embedding`: maps integer ids `[batch, ...]` to vectors `[batch, ..., outputDim]` (weight
 * `embeddings [inputDim, outputDim]`). Its gradient is a linear-time scatter-add (see `embeddingLookup`),
 * never tfjs-backend-cpu's quadratic UnsortedSegmentSum.
 *
 * @example
 * const emb = new Embedding({ inputDim: 10000, outputDim: 8, inputLength: 20 });
 * emb.computeOutputShape([null, 20]); // → [null, 20, 8]
 */
export class Embedding extends Layer {
  static override readonly className = 'Embedding';
  readonly inputDim: number;
  readonly outputDim: number;
  readonly maskZero: boolean;
  readonly inputLength: number[] | undefined;
  private readonly embeddingsInitializer: InitializerIdentifier;
  private embeddings: LayerWeight | null = null;

  constructor(options: EmbeddingOptions) {
    const inputLength = options?.inputLength === undefined ? undefined : [options.inputLength].flat();
    super({ ...options, inputShape: options?.inputShape ?? inputLength });
    assertPositiveInteger('Embedding', 'inputDim', options?.inputDim);
    assertPositiveInteger('Embedding', 'outputDim', options.outputDim);
    for (const d of inputLength ?? []) assertPositiveInteger('Embedding', 'inputLength', d);
    this.inputDim = options.inputDim;
    this.outputDim = options.outputDim;
    this.maskZero = options.maskZero ?? false;
    this.inputLength = inputLength;
    this.embeddingsInitializer = resolveInitializer(
      options.embeddingsInitializer ?? randomUniform(),
      'Embedding',
    );
    this.supportsMasking = this.maskZero;
  }

  override build(inputShape: Shape): void {
    this.embeddings = this.addWeight('embeddings', [this.inputDim, this.outputDim], {
      initializer: this.embeddingsInitializer,
    });
    super.build(inputShape);
  }

  computeOutputShape(inputShape: Shape): Shape {
    const rest = this.inputLength ?? inputShape.slice(1);
    return [inputShape[0], ...rest, this.outputDim];
  }

  override computeMask(inputs: tf.Tensor, _mask: tf.Tensor | null): tf.Tensor | null {
    return this.maskZero ? tf.notEqual(inputs, 0) : null;
  }

  /**
   * Runs this layer and `next` as one op when `next` can work on the table and ids directly (see
   * {@link EmbeddingConsumer}; Conv1D and the recurrent layers do when that costs less), building both if needed. Returns null
   * when it cannot (a mask is produced, or `next` declines); then apply the two layers as usual.
   *
   * @example
   * ```ts
   * const y = embedding.applyFused(conv, ids, { training: true }) ?? conv.apply(embedding.apply(ids));
   * ```
   */
  applyFused(next: Layer, inputs: tf.Tensor, args: CallArgs = {}): tf.Tensor | null {
    if (this.maskZero || !isEmbeddingConsumer(next)) return null;
    if (!this.built) this.build(inputs.shape);
    if (!next.built) next.build(this.computeOutputShape(inputs.shape));
    this.checkIds(inputs);
    const ids = inputs.dtype === 'int32' ? inputs : tf.cast(inputs, 'int32');
    try {
      return next.applyToEmbedding({ table: (this.embeddings as LayerWeight).read(), ids }, args);
    } finally {
      if (ids !== inputs) ids.dispose();
    }
  }

  call(inputs: tf.Tensor, _args: CallArgs = {}): tf.Tensor {
    // Checked before the cast: a float NaN, Infinity or 3e10 would become 0 or wrap into range.
    this.checkIds(inputs);
    const ids = inputs.dtype === 'int32' ? inputs : tf.cast(inputs, 'int32');
    const out = embeddingLookup((this.embeddings as LayerWeight).read(), ids);
    if (ids !== inputs) ids.dispose();
    return out;
  }

  /**
   * A clear error instead of the backend's: ids out of range, and float ids that are NaN or infinite (a
   * cast would make them 0), name the layer and the offending value. Fractions truncate toward 0, as
   * Keras' cast to int32 does.
   */
  private checkIds(ids: tf.Tensor): void {
    const data = ids.dataSync();
    for (let i = 0; i < data.length; i++) {
      const id = data[i] as number;
      if (!(id > -1 && id < this.inputDim)) {
        throw new RangeError(
          `Embedding "${this.name}": ids must be integers in [0, ${this.inputDim - 1}] (inputDim=${this.inputDim}). Received: ids[${i}]=${id} in input shape=[${ids.shape.join(', ')}].`,
        );
      }
    }
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      inputDim: this.inputDim,
      outputDim: this.outputDim,
      maskZero: this.maskZero,
      ...(this.inputLength ? { inputLength: this.inputLength } : {}),
      embeddingsInitializer: serializeInitializer(resolveInitializer(this.embeddingsInitializer)),
    };
  }

  static fromConfig(config: LayerConfig): Embedding {
    return new Embedding(config as unknown as EmbeddingOptions);
  }
}
