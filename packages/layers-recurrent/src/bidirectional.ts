import * as tf from '@tensorflow/tfjs-core';
import {
  type CallArgs,
  deserializeLayer,
  type Layer,
  type LayerConfig,
  type LayerOptions,
  type Shape,
} from '@tensorseq/layers-core';
import { assertOneOf } from './check-options';
import { CompositeLayer } from './composite-layer';
import { GRU } from './gru';
import { LSTM } from './lstm';
import { RNN } from './rnn';
import { SimpleRNN } from './simple-rnn';

/** How the forward and backward outputs are combined; `null` returns both. */
export type MergeMode = 'concat' | 'sum' | 'mul' | 'ave' | null;

const MERGE_MODES: readonly MergeMode[] = ['concat', 'sum', 'mul', 'ave', null];

/** Options of {@link Bidirectional}. */
export interface BidirectionalOptions extends LayerOptions {
  /** @defaultValue 'concat' */
  mergeMode?: MergeMode;
}

/**
 * Runs a recurrent layer over the sequence in both directions (Keras 2's `Bidirectional` wrapper): the
 * given layer reads forwards, a fresh copy from its config reads backwards (`goBackwards` flipped), and with
 * `returnSequences` the backward outputs are flipped back along time before merging. Weights: forward
 * layer's then backward layer's (parameter count doubles). With `returnState` it returns
 * `[merged, ...forwardStates, ...backwardStates]`.
 *
 * @example
 * const bi = new Bidirectional(new LSTM({ units: 32 }));
 * bi.apply(tf.ones([2, 500, 32])); // → Tensor [2, 64]; 16,640 parameters
 */
export class Bidirectional extends CompositeLayer {
  static override readonly className: string = 'Bidirectional';
  readonly forwardLayer: RNN;
  readonly backwardLayer: RNN;
  readonly mergeMode: MergeMode;
  override supportsMasking = true;

  constructor(layer: RNN, options: BidirectionalOptions = {}) {
    super(options);
    if (!(layer instanceof RNN)) {
      throw new TypeError(
        `${this.className}: layer must be a recurrent layer (SimpleRNN, LSTM, GRU or RNN). Received: layer=${String((layer as { className?: string })?.className ?? layer)}.`,
      );
    }
    const mergeMode = options.mergeMode === undefined ? 'concat' : options.mergeMode;
    assertOneOf(this.className, 'mergeMode', mergeMode, MERGE_MODES);
    this.mergeMode = mergeMode;
    this.forwardLayer = layer;
    const cls = layer.constructor as typeof RNN;
    this.backwardLayer = cls.fromConfig({
      ...layer.getConfig(),
      name: `backward_${layer.name}`,
      goBackwards: !layer.goBackwards,
      ...(options.seed === undefined ? {} : { seed: options.seed + 1 }),
    });
  }

  get returnSequences(): boolean {
    return this.forwardLayer.returnSequences;
  }

  protected innerLayers(): Layer[] {
    return [this.forwardLayer, this.backwardLayer];
  }

  override build(inputShape: Shape): void {
    if (!this.forwardLayer.built) this.forwardLayer.build(inputShape);
    if (!this.backwardLayer.built) this.backwardLayer.build(inputShape);
    super.build(inputShape);
  }

  computeOutputShape(inputShape: Shape): Shape {
    if (this.mergeMode === null || this.forwardLayer.returnState) {
      throw new RangeError(
        `${this.className}: the wrapped layer must have one merged output here (mergeMode not null, returnState false). Received: mergeMode=${String(this.mergeMode)}, returnState=${this.forwardLayer.returnState}.`,
      );
    }
    const shape = this.forwardLayer.outputShapes(inputShape)[0].slice();
    const last = shape.length - 1;
    if (this.mergeMode === 'concat') shape[last] = 2 * (shape[last] as number);
    return shape;
  }

  override computeMask(_inputs: tf.Tensor, mask: tf.Tensor | null): tf.Tensor | null {
    return this.returnSequences ? mask : null;
  }

  call(inputs: tf.Tensor, args: CallArgs): tf.Tensor | tf.Tensor[] {
    return tf.tidy(() => {
      const forward = asList(this.forwardLayer.apply(inputs, args));
      const backward = asList(this.backwardLayer.apply(inputs, args));
      const [fwdOut, ...fwdStates] = forward;
      const [bwdRaw, ...bwdStates] = backward;
      const bwdOut = this.returnSequences ? tf.reverse(bwdRaw, 1) : bwdRaw;
      const merged = this.merge(fwdOut, bwdOut);
      const states = this.forwardLayer.returnState ? [...fwdStates, ...bwdStates] : [];
      if (merged.length === 1 && states.length === 0) return merged[0];
      return [...merged, ...states];
    });
  }

  override resetStates(): void {
    this.forwardLayer.resetStates();
    this.backwardLayer.resetStates();
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      mergeMode: this.mergeMode,
      layer: { className: this.forwardLayer.className, config: this.forwardLayer.getConfig() },
    };
  }

  static fromConfig(config: LayerConfig): Bidirectional {
    const serialized = config.layer as { className: string; config: LayerConfig };
    const builtIn = [SimpleRNN, LSTM, GRU, RNN].find((c) => c.className === serialized.className);
    const layer = (builtIn ? builtIn.fromConfig(serialized.config) : deserializeLayer(serialized)) as RNN;
    const { layer: _layer, ...options } = config;
    return new Bidirectional(layer, options as BidirectionalOptions);
  }

  private merge(fwd: tf.Tensor, bwd: tf.Tensor): tf.Tensor[] {
    switch (this.mergeMode) {
      case 'concat':
        return [tf.concat([fwd, bwd], -1)];
      case 'sum':
        return [tf.add(fwd, bwd)];
      case 'mul':
        return [tf.mul(fwd, bwd)];
      case 'ave':
        return [tf.mul(tf.add(fwd, bwd), 0.5)];
      case null:
        return [fwd, bwd];
    }
  }
}

function asList(out: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
  return Array.isArray(out) ? out : [out];
}
