import type { RnnSequenceArgs, RnnSequenceResult } from '@tensorseq/kernels';

/** One forward run of a `Tensorseq*Sequence` kernel, as its backward kernel needs it. */
export interface RnnForwardRecord {
  args: RnnSequenceArgs;
  result: RnnSequenceResult;
}

/**
 * Forward runs keyed by the attrs object of their kernel call. tfjs keeps that very object on the tape
 * node and hands it to the gradient, which runs the backward kernel with it, so the backward finds the
 * run here, and the entry goes away with the tape node (or right after an untaped call). (Keying on an
 * output's dataId would not do: tfjs-backend-wasm's clone copies data under a new dataId.) This keeps
 * the kernels' saved buffers (resident in wasm memory) out of tfjs tensors, so forward → backward copies
 * nothing, as a `tf.customGrad` closure did.
 */
const records = new WeakMap<object, RnnForwardRecord>();

/** Remembers the forward run with this attrs object. */
export function storeRnnForward(attrs: object, record: RnnForwardRecord): void {
  records.set(attrs, record);
}

/** The forward run with this attrs object, if it is still alive. */
export function findRnnForward(attrs: object): RnnForwardRecord | undefined {
  return records.get(attrs);
}
