import type * as tf from '@tensorflow/tfjs-core';
import {
  RNN_SEQUENCE_KERNELS,
  type RnnCellKind,
  type RnnSequenceArgs,
  type RnnSequenceKernelAttrs,
  type RnnSequenceKernelInputs,
  rnnSequenceForward,
} from '@tensorseq/kernels';
import { type HostBackend, readFloat32, writeFloat32 } from './host-backend';
import { lendOutput, takeOutput } from './recycled-outputs';
import { storeRnnForward } from './rnn-forward-store';

const CELLS: readonly RnnCellKind[] = ['simpleRnn', 'lstm', 'gru'];

/** A `[batch, time]` mask of any dtype as 1 (real step) / 0 (masked). */
function binaryMask(backend: HostBackend, info: tf.TensorInfo): Float32Array {
  return Float32Array.from(backend.readSync(info.dataId) as ArrayLike<number>, (v) => (v ? 1 : 0));
}

function readInt32(backend: HostBackend, info: tf.TensorInfo): Int32Array {
  const data = backend.readSync(info.dataId) as ArrayLike<number>;
  return data instanceof Int32Array ? data : Int32Array.from(data);
}

/** The kernels package's arguments from a kernel call's inputs and attrs. */
function sequenceArgs(
  cell: RnnCellKind,
  inputs: RnnSequenceKernelInputs<tf.TensorInfo>,
  attrs: RnnSequenceKernelAttrs,
  backend: HostBackend,
): RnnSequenceArgs {
  const [batch, time] = inputs.ids ? inputs.ids.shape : inputs.x.shape;
  const features = inputs.x.shape[inputs.x.shape.length - 1] as number;
  const units = inputs.recurrentKernel.shape[0];
  const read = (info: tf.TensorInfo | undefined) => (info ? readFloat32(backend, info) : null);
  return {
    cell,
    batch,
    time,
    features,
    units,
    x: readFloat32(backend, inputs.x),
    ids: inputs.ids ? readInt32(backend, inputs.ids) : null,
    kernel: readFloat32(backend, inputs.kernel),
    recurrentKernel: readFloat32(backend, inputs.recurrentKernel),
    bias: read(inputs.bias),
    initialStates: inputs.c0
      ? [readFloat32(backend, inputs.h0), readFloat32(backend, inputs.c0)]
      : [readFloat32(backend, inputs.h0)],
    mask: inputs.mask ? binaryMask(backend, inputs.mask) : null,
    inputDropoutMask: read(inputs.inputDropoutMask),
    recurrentDropoutMask: read(inputs.recurrentDropoutMask),
    activation: attrs.activation,
    recurrentActivation: attrs.recurrentActivation,
    resetAfter: attrs.resetAfter,
    goBackwards: attrs.goBackwards,
  };
}

/**
 * The `Tensorseq{SimpleRnn,Lstm,Gru}Sequence` kernels for a host-memory backend (glue; the math is
 * `@tensorseq/kernels`' `rnnSequenceForward`, WebAssembly SIMD with a TypeScript fallback). Outputs:
 * `[outputs [B, T, U]]` when `returnSequences`, then the final states (`h`, and `c` for lstm).
 *
 * @param backendName The tfjs backend the configs are for (`'cpu'`, `'wasm'`, `'tensorflow'`).
 * @example
 * rnnSequenceKernelConfigs('cpu').map((c) => c.kernelName); // → ['TensorseqSimpleRnnSequence', …]
 */
export function rnnSequenceKernelConfigs(backendName: string): tf.KernelConfig[] {
  return CELLS.map((cell) => ({
    kernelName: RNN_SEQUENCE_KERNELS[cell].forward,
    backendName,
    kernelFunc: ({ inputs, attrs, backend }) => {
      const host = backend as unknown as HostBackend;
      const kernelAttrs = attrs as unknown as RnnSequenceKernelAttrs;
      const args = sequenceArgs(
        cell,
        inputs as unknown as RnnSequenceKernelInputs<tf.TensorInfo>,
        kernelAttrs,
        host,
      );
      const { batch, time, units } = args;
      const { returnSequences } = kernelAttrs;
      // The outputs (4 MB for jena's [128, 240, 32]) go into a recycled array when one is free.
      const result = rnnSequenceForward(args, {
        training: kernelAttrs.training,
        returnSequences,
        outputsInto: returnSequences ? takeOutput(host, batch * time * units) : undefined,
      });
      const outputs = result.finalStates.map((s) => writeFloat32(host, s, [batch, units]));
      if (returnSequences) outputs.unshift(lendOutput(host, result.outputs, [batch, time, units]));
      storeRnnForward(attrs as object, { args, result });
      return outputs;
    },
  }));
}
