/**
 * Whether a recurrent layer on `table[ids]` costs less run on the ids (see `RNN.applyToEmbedding`): that
 * path projects the whole vocabulary once (V·F·G·U multiply-adds, and as many twice more for the table's
 * and the kernel's gradients) where the gathered path projects every step of every sequence (B·T·F·G·U,
 * the same for dx and dKernel), so it pays off when the batch has more steps than the table has rows,
 * with a 2× margin for the gather and the scatter (the rule Conv1D's embedding path uses).
 *
 * @example
 * embeddedSequencePays(10000, 128, 500); // → true (IMDB: 64,000 steps, 10,000 words)
 */
export function embeddedSequencePays(vocab: number, batch: number, time: number): boolean {
  return 2 * vocab <= batch * time;
}
