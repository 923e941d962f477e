import * as tf from '@tensorflow/tfjs-core';
import {
  releaseSlotArray,
  slotArray,
  TensorseqWeightUpdate,
  type WeightUpdateKernelAttrs,
} from '@tensorseq/kernels';
import type { LayerWeight } from '../layer-weight';

/** A weight and its gradient, as the training step hands them to an optimizer. */
export interface WeightGradient {
  weight: LayerWeight;
  grad: tf.Tensor;
}

/** One saved slot (accumulator, moment...) of an optimizer: `<weight name>/<slot>`. */
export interface OptimizerSlot {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** What `save` stores of an optimizer so resumed training continues identically. */
export interface OptimizerState {
  iterations: number;
  slots: OptimizerSlot[];
}

/** An optimizer: updates weights from gradients and can export / import its state. */
export interface Optimizer {
  /** Keras' class name (`RMSprop`, `Adam`, `SGD`). */
  readonly className: string;
  /** Number of updates applied so far. */
  readonly iterations: number;
  applyGradients(updates: readonly WeightGradient[]): void;
  getState(): OptimizerState;
  setState(state: OptimizerState): void;
  /** JSON-serializable hyper-parameters (`resolveOptimizer({ className, config })` rebuilds it). */
  getConfig(): Record<string, unknown>;
  /** Gives back the memory of the optimizer's state (its slots); optional. */
  dispose?(): void;
}

/**
 * Base of the built-in optimizers. The update rule runs over typed arrays, one fused loop per weight,
 * rather than as a chain of tensor ops: on the cpu and wasm backends reading a tensor is free and each op
 * would allocate a full-size temporary (a 10000×100 Embedding makes that ten 4 MB arrays per step). Where
 * the backend has the `TensorseqWeightUpdate` kernel (tensorseq's host backends), the loop runs inside it
 * and writes into a recycled array.
 * Slots are created lazily, zero-filled, per weight name, in the kernels' shared memory where a
 * tensorseq backend adapter set it up (`slotArray`): the RMSprop kernel then updates imdb-conv1d's 5 MB
 * Embedding average in place instead of copying it in and out every step. {@link HostOptimizer.dispose}
 * gives them back at once; an optimizer that is only dropped gives them back when it is
 * garbage-collected.
 *
 * @example
 * class Plain extends HostOptimizer {
 *   readonly className = 'Plain';
 *   protected update(_n: string, p: Float32Array, g: Float32Array, out: Float32Array) {
 *     for (let i = 0; i < p.length; i++) out[i] = p[i] - 0.1 * g[i];
 *   }
 *   getConfig() { return {}; }
 * }
 */
export abstract class HostOptimizer implements Optimizer {
  abstract readonly className: string;
  /** The slots, in a holder the finalizer can release without keeping the optimizer alive. */
  private readonly held: { slots: Map<string, OptimizerSlot> } = { slots: new Map() };
  private steps = 0;

  constructor() {
    slotReleaser()?.register(this, this.held);
  }

  get iterations(): number {
    return this.steps;
  }

  /** Writes the new value of one weight into `out` (`p` and `g` are read-only). */
  protected abstract update(name: string, p: Float32Array, g: Float32Array, out: Float32Array): void;

  abstract getConfig(): Record<string, unknown>;

  /** The named slot of a weight, created zero-filled on first use. */
  protected slot(weightName: string, slotName: string, shape: number[]): Float32Array {
    const key = `${weightName}/${slotName}`;
    let s = this.held.slots.get(key);
    if (!s) {
      s = { name: key, shape: shape.slice(), data: slotArray(tf.util.sizeFromShape(shape)) };
      this.held.slots.set(key, s);
    }
    return s.data;
  }

  applyGradients(updates: readonly WeightGradient[]): void {
    this.steps++;
    // Host backends (tensorseq's cpu, wasm and node adapters) write the new weights into recycled arrays.
    const inKernel = tf.getKernel(TensorseqWeightUpdate, tf.getBackend()) !== undefined;
    for (const { weight, grad } of updates) {
      const next = inKernel ? this.updateInKernel(weight, grad) : this.updateOnHost(weight, grad);
      weight.variable.assign(next);
      next.dispose();
    }
  }

  /** The update as a rule the backend may run natively (see `WeightUpdateKernelAttrs.rule`), if any. */
  protected nativeRule(_weightName: string, _size: number): WeightUpdateKernelAttrs['rule'] {
    return undefined;
  }

  private updateInKernel(weight: LayerWeight, grad: tf.Tensor): tf.Tensor {
    const attrs: WeightUpdateKernelAttrs = {
      update: (p, g, out) => this.update(weight.name, p, g, out),
      rule: this.nativeRule(weight.name, grad.size),
    };
    const inputs = { param: weight.read(), grad };
    return tf
      .engine()
      .runKernel(TensorseqWeightUpdate, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
  }

  private updateOnHost(weight: LayerWeight, grad: tf.Tensor): tf.Tensor {
    const p = weight.read().dataSync() as Float32Array;
    const out = new Float32Array(p.length);
    this.update(weight.name, p, grad.dataSync() as Float32Array, out);
    return tf.tensor(out, weight.shape, 'float32');
  }

  getState(): OptimizerState {
    return {
      iterations: this.steps,
      slots: [...this.held.slots.values()].map((s) => ({ ...s, data: s.data.slice() })),
    };
  }

  setState(state: OptimizerState): void {
    this.steps = state.iterations;
    releaseSlots(this.held.slots);
    this.held.slots = new Map(state.slots.map((s) => [s.name, { ...s, data: copyToSlotArray(s.data) }]));
  }

  /**
   * Gives the slots' memory back (see the class notes) and forgets them: a later update starts from
   * zero-filled slots, as a fresh optimizer does.
   *
   * @example
   * const optimizer = new RMSprop();
   * model.compile({ optimizer, loss: 'mae' });
   * // … train, then, when the model is no longer used:
   * model.dispose();
   * optimizer.dispose();
   */
  dispose(): void {
    releaseSlots(this.held.slots);
  }
}

/** Gives the slots' arrays back and empties the map. */
function releaseSlots(slots: Map<string, OptimizerSlot>): void {
  for (const s of slots.values()) releaseSlotArray(s.data);
  slots.clear();
}

function copyToSlotArray(data: ArrayLike<number>): Float32Array {
  const copy = slotArray(data.length);
  copy.set(data);
  return copy;
}

let releaser: FinalizationRegistry<{ slots: Map<string, OptimizerSlot> }> | undefined;

/**
 * Releases the slots of optimizers that were dropped without `dispose`, where the engine has a
 * FinalizationRegistry; created on first use, so importing this module has no side effect.
 */
function slotReleaser(): FinalizationRegistry<{ slots: Map<string, OptimizerSlot> }> | undefined {
  if (releaser === undefined && typeof FinalizationRegistry === 'function') {
    releaser = new FinalizationRegistry((held) => releaseSlots(held.slots));
  }
  return releaser;
}
