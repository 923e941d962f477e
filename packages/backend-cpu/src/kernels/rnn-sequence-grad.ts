import type * as tf from '@tensorflow/tfjs-core';
import {
  RNN_SEQUENCE_KERNELS,
  type RnnCellKind,
  type RnnSequenceGradKernelInputs,
  rnnSequenceBackward,
  rnnSequenceForward,
} from '@tensorseq/kernels';
import { type HostBackend, readFloat32Transient, writeFloat32 } from './host-backend';
import { lendOutput, takeOutput } from './recycled-outputs';
import { findRnnForward } from './rnn-forward-store';

const CELLS: readonly RnnCellKind[] = ['simpleRnn', 'lstm', 'gru'];

/**
 * The `Tensorseq*SequenceGrad` kernels for a host-memory backend: backpropagation through time for the
 * forward run that produced `inputs.forward` (`@tensorseq/kernels`' `rnnSequenceBackward`). Outputs:
 * dx, dKernel, dRecurrentKernel, dBias (when the forward had a bias), dh0, dc0 (lstm).
 *
 * @param backendName The tfjs backend the configs are for.
 * @throws Error when attrs belong to no forward run of this backend.
 * @example
 * rnnSequenceGradKernelConfigs('cpu').map((c) => c.kernelName); // → ['TensorseqSimpleRnnSequenceGrad', …]
 */
export function rnnSequenceGradKernelConfigs(backendName: string): tf.KernelConfig[] {
  return CELLS.map((cell) => ({
    kernelName: RNN_SEQUENCE_KERNELS[cell].backward,
    backendName,
    kernelFunc: ({ inputs, attrs, backend }) => {
      const host = backend as unknown as HostBackend;
      const { dOutputs, dH, dC } = inputs as unknown as RnnSequenceGradKernelInputs<tf.TensorInfo>;
      const record = findRnnForward(attrs as object);
      if (!record) {
        throw new Error(
          `${RNN_SEQUENCE_KERNELS[cell].backward}: attrs must be the attrs object of a ${RNN_SEQUENCE_KERNELS[cell].forward} call on the "${backendName}" backend (tfjs passes it to the gradient). Received: attrs of no known forward run.`,
        );
      }
      const { args } = record;
      // An inference-mode forward keeps nothing for backward: recompute it once if someone differentiates.
      if (!record.result.saved.complete) {
        record.result = rnnSequenceForward(args, { training: true, returnSequences: false });
      }
      const { batch, time, features, units } = args;
      // The output gradients are consumed before any output is written: views, not copies, on wasm.
      const read = (info: tf.TensorInfo | undefined) => (info ? readFloat32Transient(host, info) : null);
      // dx (as large as x: 8 MB for imdb's [128, 500, 32]) goes into a recycled array when one is free;
      // with ids, x is the embedding table and dx its gradient.
      const xShape = args.ids ? [args.x.length / features, features] : [batch, time, features];
      const grads = rnnSequenceBackward(
        args,
        record.result,
        read(dOutputs),
        [read(dH), read(dC)].slice(0, args.initialStates.length),
        { dxInto: takeOutput(host, args.x.length) },
      );
      const outputs = [
        lendOutput(host, grads.dx, xShape),
        writeFloat32(host, grads.dKernel, [features, args.kernel.length / features]),
        writeFloat32(host, grads.dRecurrentKernel, [units, args.recurrentKernel.length / units]),
      ];
      if (grads.dBias)
        outputs.push(
          writeFloat32(
            host,
            grads.dBias,
            biasShape(args.bias?.length ?? 0, args.resetAfter && cell === 'gru', units),
          ),
        );
      for (const s of grads.dInitialStates) outputs.push(writeFloat32(host, s, [batch, units]));
      return outputs;
    },
  }));
}

function biasShape(length: number, twoRows: boolean, units: number): number[] {
  return twoRows ? [2, 3 * units] : [length];
}
