import { resolveBackend, wasmKernels } from './backend';
import { gatheredPlan, tableGrad, withGatheredInputs } from './js/embedded-inputs';
import { rnnBackwardJs } from './js/rnn-backward-js';
import { resolveRnnPlan } from './rnn-plan';
import type {
  RnnSequenceArgs,
  RnnSequenceBackwardOptions,
  RnnSequenceGrads,
  RnnSequenceResult,
} from './types';
import { WasmOutOfMemoryError } from './wasm/wasm-kernels';

const OWNER = 'rnnSequenceBackward';

function checkGradient(name: string, value: Float32Array | null, length: number, shape: string): void {
  if (value === null) return;
  if (!(value instanceof Float32Array) || value.length !== length) {
    throw new RangeError(
      `${OWNER}: ${name} must be null or a Float32Array of ${shape} = ${length} elements. Received: ${name}.length=${value?.length}.`,
    );
  }
}

/**
 * Backpropagation through time for {@link rnnSequenceForward}: the gradients of a loss with respect to
 * the inputs, the weights and the initial states, given the loss's gradients with respect to the
 * outputs and the final states. Dropout masks and timestep masks are differentiated through.
 *
 * On the wasm backend the forward's saved buffers stay in wasm memory, so forward → backward copies
 * nothing; the next training forward copies them out first, unless a backward pass already used them,
 * in which case they are released (differentiating that forward again then throws: run it again).
 *
 * @param args The same arguments the forward pass ran with.
 * @param forward The forward result, computed with `training: true`.
 * @param dOutputs dL/d(outputs) [B, T, U] in processing order, or null when only final states matter.
 * @param dFinalStates dL/d(final state) per state ([B, U] each), or null entries.
 * @param options `backend`, and `dxInto` (the array to write dx into).
 * @returns dx, dKernel, dRecurrentKernel, dBias and dInitialStates, shaped like their arguments.
 * @throws RangeError when the forward ran without `training`, or a gradient has the wrong size.
 * @example
 * ```ts
 * import { rnnSequenceBackward, rnnSequenceForward } from '@tensorseq/kernels';
 * const args = {
 *   cell: 'simpleRnn', batch: 1, time: 2, features: 1, units: 1,
 *   x: Float32Array.of(1, 2), kernel: Float32Array.of(0.5), recurrentKernel: Float32Array.of(1),
 *   bias: null, initialStates: [new Float32Array(1)], mask: null, inputDropoutMask: null,
 *   recurrentDropoutMask: null, activation: 'linear', recurrentActivation: 'sigmoid',
 *   resetAfter: false, goBackwards: false,
 * } as const;
 * const fwd = rnnSequenceForward(args);
 * const grads = rnnSequenceBackward(args, fwd, Float32Array.of(0, 1), [null]);
 * grads.dKernel; // → Float32Array [3]  (h2 = 0.5*x1 + 0.5*x2, so dh2/dk = x1 + x2)
 * ```
 */
export function rnnSequenceBackward(
  args: RnnSequenceArgs,
  forward: RnnSequenceResult,
  dOutputs: Float32Array | null,
  dFinalStates: (Float32Array | null)[],
  options: RnnSequenceBackwardOptions = {},
): RnnSequenceGrads {
  const plan = resolveRnnPlan(OWNER, args);
  const { batch: B, time: T, units: U } = args;
  if (!forward?.saved?.complete) {
    throw new RangeError(
      `${OWNER}: forward must come from rnnSequenceForward with training: true. Received: forward.saved.complete=${forward?.saved?.complete}.`,
    );
  }
  checkGradient('dOutputs', dOutputs, B * T * U, 'batch*time*units');
  const stateCount = args.cell === 'lstm' ? 2 : 1;
  if (!Array.isArray(dFinalStates) || dFinalStates.length !== stateCount) {
    throw new RangeError(
      `${OWNER}: dFinalStates.length must be ${stateCount}. Received: dFinalStates.length=${dFinalStates?.length}.`,
    );
  }
  for (const [i, d] of dFinalStates.entries()) checkGradient(`dFinalStates[${i}]`, d, B * U, 'batch*units');
  const { dxInto = null } = options;
  const dxLength = (plan.vocab || B * T) * args.features;
  if (dxInto !== null && !(dxInto instanceof Float32Array && dxInto.length === dxLength)) {
    const shape = plan.vocab ? 'vocab*features' : 'batch*time*features';
    throw new RangeError(
      `${OWNER}: options.dxInto must be a Float32Array of ${shape} = ${dxLength} elements. Received: options.dxInto.length=${(dxInto as { length?: unknown })?.length}.`,
    );
  }
  const backend = resolveBackend(OWNER, options.backend);
  if (backend === 'wasm') {
    try {
      return wasmKernels().backward(plan, forward, dOutputs, dFinalStates, dxInto);
    } catch (error) {
      if (!(error instanceof WasmOutOfMemoryError)) throw error;
    }
  }
  const gathered = gatheredPlan(plan);
  const grads = rnnBackwardJs(gathered, withGatheredInputs(gathered, forward), dOutputs, dFinalStates);
  if (plan.vocab > 0) grads.dx = tableGrad(plan, grads.dx);
  if (dxInto === null) return grads;
  dxInto.set(grads.dx);
  return { ...grads, dx: dxInto };
}
