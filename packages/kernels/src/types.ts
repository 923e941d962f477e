/**
 * Element-wise activation a kernel can fuse. `hardSigmoid` is Keras 2's `clip(0.2x + 0.5, 0, 1)`.
 * @example
 * ```ts
 * const gates: KernelActivation = 'hardSigmoid'; // the book's Keras 2 LSTM/GRU gates
 * ```
 */
export type KernelActivation = 'tanh' | 'relu' | 'sigmoid' | 'hardSigmoid' | 'linear';

/**
 * Recurrent cell a sequence kernel runs: gate count 1 (simpleRnn), 4 (lstm: i,f,c,o) or 3 (gru: z,r,h).
 * @example
 * ```ts
 * const cell: RnnCellKind = 'gru'; // kernel [features, 3*units]
 * ```
 */
export type RnnCellKind = 'simpleRnn' | 'lstm' | 'gru';

/**
 * Which implementation runs the math: WebAssembly SIMD or plain TypeScript.
 * @example
 * ```ts
 * rnnSequenceForward(args, { backend: 'js' satisfies KernelsBackend });
 * ```
 */
export type KernelsBackend = 'wasm' | 'js';

/**
 * Everything one recurrent layer call needs. All arrays are row-major Float32Arrays in Keras layouts;
 * G is the gate count of `cell` (1, 4 or 3).
 * @example
 * ```ts
 * const args: RnnSequenceArgs = {
 *   cell: 'simpleRnn', batch: 1, time: 2, features: 1, units: 1,
 *   x: Float32Array.of(1, 2), kernel: Float32Array.of(0.5), recurrentKernel: Float32Array.of(1),
 *   bias: null, initialStates: [new Float32Array(1)], mask: null, inputDropoutMask: null,
 *   recurrentDropoutMask: null, activation: 'tanh', recurrentActivation: 'sigmoid',
 *   resetAfter: false, goBackwards: false,
 * };
 * ```
 */
export interface RnnSequenceArgs {
  /** The cell to run. */
  cell: RnnCellKind;
  /** B, the number of sequences. */
  batch: number;
  /** T, the number of timesteps. */
  time: number;
  /** F, the input features per timestep. */
  features: number;
  /** U, the units of the cell. */
  units: number;
  /**
   * Inputs [B, T, F] as the layer receives them (not reversed for `goBackwards`); with `ids`, an embedding
   * table [V, F] whose rows the ids pick.
   */
  x: Float32Array;
  /**
   * Embedding ids [B, T] (int32 in [0, V), V = x.length / F), or null/absent: when set, step t of sequence
   * b reads `x[ids[b, t]]`, so an `Embedding` runs fused into the layer: the input projection is computed
   * once per word rather than per step, and `dx` is the table's gradient [V, F]. Not with an input dropout
   * mask.
   */
  ids?: Int32Array | null;
  /** Input kernel [F, G*U]. */
  kernel: Float32Array;
  /** Recurrent kernel [U, G*U]. */
  recurrentKernel: Float32Array;
  /** Bias [G*U], or for a GRU with `resetAfter` [2, 3U] (input bias row, then recurrent bias row); null without bias. */
  bias: Float32Array | null;
  /** Initial states, each [B, U]: `[h0]`, or `[h0, c0]` for lstm. */
  initialStates: Float32Array[];
  /** Timestep mask [B, T]: 1 = real step, 0 = masked (the state is carried, the output repeats it: Keras 2). */
  mask: Float32Array | null;
  /** Input dropout mask [B, F], already scaled by 1/(1-rate); multiplies x_t at every step, for all gates. */
  inputDropoutMask: Float32Array | null;
  /** Recurrent dropout mask [B, U], already scaled; multiplies h_{t-1} before the recurrent matmul. */
  recurrentDropoutMask: Float32Array | null;
  /** Cell activation (the candidate, and lstm's output of c). */
  activation: KernelActivation;
  /** Gate activation for lstm and gru: `sigmoid` (Keras 3) or `hardSigmoid` (Keras 2). Ignored by simpleRnn. */
  recurrentActivation: KernelActivation;
  /** GRU only: apply the reset gate after the recurrent matmul (Keras 3 / CuDNN) rather than before it. */
  resetAfter: boolean;
  /** Process t = T-1..0; outputs are stored in processing order, as Keras does. */
  goBackwards: boolean;
}

/**
 * What the forward pass keeps for the backward pass. Opaque to callers: pass it back unchanged. All
 * buffers are in processing-step order ([T, B, ·], step-major); both backends read and write the same
 * layout, so a forward on one backend can be differentiated on the other.
 * @example
 * ```ts
 * const { saved } = rnnSequenceForward(args);
 * saved.complete; // → true (false with { training: false })
 * ```
 */
export interface RnnSequenceSaved {
  /** False when the forward ran with `training: false` and saved nothing. */
  readonly complete: boolean;
  /** Inputs in processing order with the input dropout mask applied, [T, B, F]. */
  readonly xs: Float32Array;
  /** Activated gates per step, [T, B, G*U] (lstm i,f,g,o; gru z,r,hh; simpleRnn h). */
  readonly gates: Float32Array;
  /** h_{t-1} times the recurrent dropout mask, per step, [T, B, U]. */
  readonly hIn: Float32Array;
  /** Cell-specific extra per step, [T, B, U] or empty: lstm c_{t-1}; gru resetAfter h@U_h + b_h; gru r*h_in; */
  readonly aux: Float32Array;
  /** Second cell-specific extra per step, [T, B, U] or empty: lstm act(c_t); gru h_{t-1} when it differs from hIn. */
  readonly aux2: Float32Array;
}

/**
 * Result of {@link rnnSequenceForward}.
 * @example
 * ```ts
 * const { outputs, finalStates } = rnnSequenceForward(args); // outputs [B, T, U], finalStates [[B, U]]
 * ```
 */
export interface RnnSequenceResult {
  /** Every step's output [B, T, U], in processing order; empty with `returnSequences: false`. */
  outputs: Float32Array;
  /** `[hT]`, or `[hT, cT]` for lstm; each [B, U]. */
  finalStates: Float32Array[];
  /** What the backward pass needs; pass it back unchanged. */
  saved: RnnSequenceSaved;
}

/**
 * Gradients returned by {@link rnnSequenceBackward}, each shaped like the argument it differentiates.
 * @example
 * ```ts
 * const { dKernel, dBias } = rnnSequenceBackward(args, forward, dOutputs, [null]); // [F, G*U], [G*U]
 * ```
 */
export interface RnnSequenceGrads {
  /** d/dx, [B, T, F] (with `ids`: the embedding table's gradient [V, F]). */
  dx: Float32Array;
  /** d/dkernel, [F, G*U]. */
  dKernel: Float32Array;
  /** d/drecurrentKernel, [U, G*U]. */
  dRecurrentKernel: Float32Array;
  /** d/dbias, shaped like the bias; null when there is no bias. */
  dBias: Float32Array | null;
  /** d/d(initial states), each [B, U]. */
  dInitialStates: Float32Array[];
}

/**
 * Options of {@link rnnSequenceForward}.
 * @example
 * ```ts
 * rnnSequenceForward(args, { training: false }); // inference: saves nothing
 * rnnSequenceForward(args, { returnSequences: false }).outputs.length; // → 0 (finalStates only)
 * ```
 */
export interface RnnSequenceForwardOptions {
  /** Save what the backward pass needs. @defaultValue true */
  training?: boolean;
  /**
   * Return every step's output. False skips writing them (`outputs` is then empty): a layer that only
   * returns its final state spares a [B, T, U] copy per call. @defaultValue true
   */
  returnSequences?: boolean;
  /** Force an implementation. @defaultValue the active one, see `kernelsBackend()` */
  backend?: KernelsBackend;
  /**
   * Where to write the outputs ([B, T, U], batch*time*units floats) when `returnSequences`: the result's
   * `outputs` is then this array, so a caller that recycles arrays saves a fresh one per call.
   * @defaultValue a new array
   */
  outputsInto?: Float32Array;
}

/**
 * Options of {@link rnnSequenceBackward}.
 * @example
 * ```ts
 * rnnSequenceBackward(args, forward, dOutputs, [null], { backend: 'js' });
 * ```
 */
export interface RnnSequenceBackwardOptions {
  /** Force an implementation. @defaultValue the active one, see `kernelsBackend()` */
  backend?: KernelsBackend;
  /**
   * Where to write dx ([B, T, F], batch*time*features floats; with `ids`, [V, F]): the result's `dx` is then this array, so a
   * caller that recycles arrays saves a fresh one per call. @defaultValue a new array
   */
  dxInto?: Float32Array;
}
