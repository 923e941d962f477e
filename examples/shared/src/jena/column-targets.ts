import type { WindowBatch } from '@tensorseq/datasets-jena';

/**
 * Reshapes each batch's targets from `[batch]` (what the book's generator yields) to `[batch, 1]`, the
 * shape of a `Dense(1)` output. Keras does this itself when it standardizes targets; without it a
 * `[batch]` target against a `[batch, 1]` prediction broadcasts to `[batch, batch]` and the MAE
 * compares every prediction with every target, so nothing is learned.
 *
 * @param batches - the window generator.
 * @returns the same batches with `ys` of shape `[batch, 1]` (same data, no copy).
 * @example
 * columnTargets(windowGenerator(data, options)).next().value.ys.shape; // → [128, 1]
 */
export function* columnTargets(batches: Iterator<WindowBatch>): Generator<WindowBatch> {
  for (let next = batches.next(); !next.done; next = batches.next()) {
    const { xs, ys } = next.value;
    yield { xs, ys: { data: ys.data, shape: [ys.shape[0], 1] } };
  }
}
