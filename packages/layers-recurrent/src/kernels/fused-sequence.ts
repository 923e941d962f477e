import * as tf from '@tensorflow/tfjs-core';
import {
  type RnnSequenceArgs,
  type RnnSequenceResult,
  rnnSequenceBackward,
  rnnSequenceForward,
} from '@tensorseq/kernels';
import { isHostMemoryBackend } from '@tensorseq/layers-core';
import type { FusedCellSpec } from '../rnn-cell';
import type { SequenceRunOptions, SequenceRunResult } from './sequence-run';

/**
 * Why the fused kernel cannot run a cell on the active backend, or null when it can. Conditions: the cell
 * describes itself with a {@link FusedCellSpec} (the built-in cells do; every activation they accept is
 * fused) and the backend reads tensors synchronously (`cpu`, `wasm`, `tensorflow`).
 *
 * @example
 * fusedIneligibility(new LSTMCell({ units: 2 }).fusedSpec()) // → null on the cpu backend (once built)
 */
export function fusedIneligibility(spec: FusedCellSpec | null): string | null {
  if (!spec) return 'the cell has no fused kernel';
  const backend = tf.getBackend();
  if (!isHostMemoryBackend()) return `the "${backend}" backend cannot read tensors synchronously`;
  return null;
}

/**
 * Runs a whole sequence through `@tensorseq/kernels` as ONE `tf.customGrad` whose inputs are
 * `[x, kernel, recurrentKernel, bias?, ...initialStates]` (the weight variables themselves, so
 * `tf.variableGrads` reaches them) and whose gradient is the kernels' backpropagation through time.
 * Masks and dropout masks are constants of the call. customGrad allows one output, so the outputs and
 * final states travel packed in one flat tensor and are sliced back out.
 *
 * @example
 * const run = fusedSequence(cell.fusedSpec(), x, options); // run.outputs: [batch, time, units]
 */
export function fusedSequence(
  spec: FusedCellSpec,
  x: tf.Tensor3D,
  options: SequenceRunOptions,
): SequenceRunResult {
  const [batch, time, features] = x.shape;
  const units = spec.recurrentKernel.shape[0];
  const stateCount = options.initialStates.length;
  const rowSize = batch * units;
  const outputSize = options.returnSequences ? batch * time * units : 0;
  const constants = {
    mask: options.mask ? binaryMask(options.mask) : null,
    inputDropoutMask: options.dropout.input ? readFloat32(options.dropout.input) : null,
    recurrentDropoutMask: options.dropout.recurrent ? readFloat32(options.dropout.recurrent) : null,
    goBackwards: options.goBackwards,
  };
  const hasBias = spec.bias !== null;
  const inputs: tf.Tensor[] = [x, spec.kernel, spec.recurrentKernel, ...(spec.bias ? [spec.bias] : [])];
  inputs.push(...options.initialStates);

  const run = tf.customGrad((...args: unknown[]) => {
    const tensors = args.slice(0, inputs.length) as tf.Tensor[];
    const kernelArgs = sequenceArgs(spec, tensors, hasBias, constants, { batch, time, features, units });
    let forward: RnnSequenceResult = rnnSequenceForward(kernelArgs, { training: options.training });
    const packed = new Float32Array(outputSize + stateCount * rowSize);
    if (outputSize > 0) packed.set(forward.outputs);
    forward.finalStates.forEach((s, i) => {
      packed.set(s, outputSize + i * rowSize);
    });
    const gradFunc = (dy: tf.Tensor) => {
      // An inference-mode forward keeps nothing for backward: recompute it once if someone differentiates.
      if (!forward.saved.complete) forward = rnnSequenceForward(kernelArgs, { training: true });
      const d = readFloat32(dy);
      const dFinal = Array.from({ length: stateCount }, (_, i) =>
        d.subarray(outputSize + i * rowSize, outputSize + (i + 1) * rowSize),
      );
      const grads = rnnSequenceBackward(
        kernelArgs,
        forward,
        outputSize > 0 ? d.subarray(0, outputSize) : null,
        dFinal,
      );
      const result = [
        tf.tensor(grads.dx, x.shape),
        tf.tensor(grads.dKernel, spec.kernel.shape),
        tf.tensor(grads.dRecurrentKernel, spec.recurrentKernel.shape),
      ];
      if (spec.bias && grads.dBias) result.push(tf.tensor(grads.dBias, spec.bias.shape));
      for (const s of grads.dInitialStates) result.push(tf.tensor(s, [batch, units]));
      return result;
    };
    return { value: tf.tensor1d(packed), gradFunc };
  });

  const packed = run(...inputs);
  const finalStates = Array.from(
    { length: stateCount },
    (_, i) => tf.reshape(tf.slice(packed, outputSize + i * rowSize, rowSize), [batch, units]) as tf.Tensor2D,
  );
  return {
    outputs:
      outputSize > 0
        ? (tf.reshape(tf.slice(packed, 0, outputSize), [batch, time, units]) as tf.Tensor3D)
        : null,
    // Built-in cells output their first state, and a masked step repeats it: the last output is h_T.
    lastOutput: finalStates[0],
    finalStates,
  };
}

interface Sizes {
  batch: number;
  time: number;
  features: number;
  units: number;
}

function sequenceArgs(
  spec: FusedCellSpec,
  tensors: tf.Tensor[],
  hasBias: boolean,
  constants: Pick<RnnSequenceArgs, 'mask' | 'inputDropoutMask' | 'recurrentDropoutMask' | 'goBackwards'>,
  sizes: Sizes,
): RnnSequenceArgs {
  const [x, kernel, recurrentKernel] = tensors;
  const firstState = hasBias ? 4 : 3;
  return {
    cell: spec.cell,
    ...sizes,
    x: readFloat32(x),
    kernel: readFloat32(kernel),
    recurrentKernel: readFloat32(recurrentKernel),
    bias: hasBias ? readFloat32(tensors[3]) : null,
    initialStates: tensors.slice(firstState).map(readFloat32),
    ...constants,
    activation: spec.activation,
    recurrentActivation: spec.recurrentActivation,
    resetAfter: spec.resetAfter,
  };
}

/** The tensor's values as float32 (the backend's own array when it already is; never written to). */
function readFloat32(t: tf.Tensor): Float32Array {
  const data = t.dataSync();
  return data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
}

/** A `[batch, time]` mask of any dtype as 1 (real step) / 0 (masked). */
function binaryMask(mask: tf.Tensor): Float32Array {
  return Float32Array.from(mask.dataSync() as ArrayLike<number>, (v) => (v ? 1 : 0));
}
