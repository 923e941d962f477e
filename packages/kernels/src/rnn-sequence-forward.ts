import { resolveBackend, wasmKernels } from './backend';
import { gatheredPlan } from './js/embedded-inputs';
import { rnnForwardJs } from './js/rnn-forward-js';
import { resolveRnnPlan } from './rnn-plan';
import type { RnnSequenceArgs, RnnSequenceForwardOptions, RnnSequenceResult } from './types';
import { WasmOutOfMemoryError } from './wasm/wasm-kernels';

/**
 * Runs a SimpleRNN, LSTM or GRU over a whole sequence in one call (Keras 2 semantics, Keras weight
 * layouts): the input projection of all steps is one GEMM, each step one recurrent GEMM plus fused gate
 * math. Sequences too large for wasm32's 4 GiB memory run on the TypeScript kernels.
 *
 * @param args The cell, sizes, inputs, weights, initial states, masks and activations.
 * @param options `training` (save what the backward pass needs; default true), `returnSequences` (default
 *   true; false leaves `outputs` empty), `backend`, and `outputsInto` (the array to write the outputs into).
 * @returns Outputs [B, T, U] in processing order, final states, and the saved buffers for the backward.
 * @throws RangeError / TypeError when an argument has the wrong size, type or value.
 * @example
 * ```ts
 * import { rnnSequenceForward } from '@tensorseq/kernels';
 * const [B, T, F, U] = [1, 2, 1, 1];
 * const r = rnnSequenceForward({
 *   cell: 'simpleRnn', batch: B, time: T, features: F, units: U,
 *   x: Float32Array.of(1, 2), kernel: Float32Array.of(0.5), recurrentKernel: Float32Array.of(1),
 *   bias: null, initialStates: [new Float32Array(B * U)], mask: null,
 *   inputDropoutMask: null, recurrentDropoutMask: null, activation: 'linear',
 *   recurrentActivation: 'sigmoid', resetAfter: false, goBackwards: false,
 * });
 * r.outputs; // → Float32Array [0.5, 1.5]
 * ```
 */
export function rnnSequenceForward(
  args: RnnSequenceArgs,
  options: RnnSequenceForwardOptions = {},
): RnnSequenceResult {
  const plan = resolveRnnPlan('rnnSequenceForward', args);
  const { training = true, returnSequences = true, outputsInto = null } = options;
  const { batch: B, time: T, units: U } = args;
  if (outputsInto !== null && !(outputsInto instanceof Float32Array && outputsInto.length === B * T * U)) {
    throw new RangeError(
      `rnnSequenceForward: options.outputsInto must be a Float32Array of batch*time*units = ${B * T * U} elements. Received: options.outputsInto.length=${(outputsInto as { length?: unknown })?.length}.`,
    );
  }
  const into = returnSequences ? outputsInto : null;
  const backend = resolveBackend('rnnSequenceForward', options.backend);
  if (backend === 'wasm') {
    try {
      return wasmKernels().forward(plan, training, returnSequences, into);
    } catch (error) {
      if (!(error instanceof WasmOutOfMemoryError)) throw error;
    }
  }
  const result = rnnForwardJs(gatheredPlan(plan), training, returnSequences);
  if (into === null) return result;
  into.set(result.outputs);
  return { ...result, outputs: into };
}
