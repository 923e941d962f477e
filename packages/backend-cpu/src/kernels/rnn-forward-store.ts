import type { RnnSequenceArgs, RnnSequenceResult } from '@tensorseq/kernels';

/** One forward run of a `Tensorseq*Sequence` kernel, as its backward kernel needs it. */
export interface RnnForwardRecord {
  args: RnnSequenceArgs;
  result: RnnSequenceResult;
}

/**
 * Forward runs keyed by the `dataId` of their first output. The gradient saves that output (a clone
 * shares the dataId) and hands it to the backward kernel, which finds the run here; the entry goes away
 * with the output's data. This keeps the kernels' saved buffers (resident in wasm memory) out of tfjs
 * tensors, so forward → backward copies nothing, as a `tf.customGrad` closure did.
 */
const records = new WeakMap<object, RnnForwardRecord>();

/** Remembers the forward run that produced the output with this dataId. */
export function storeRnnForward(dataId: object, record: RnnForwardRecord): void {
  records.set(dataId, record);
}

/** The forward run that produced the output with this dataId, if it is still alive. */
export function findRnnForward(dataId: object): RnnForwardRecord | undefined {
  return records.get(dataId);
}
