/**
 * Kernel name of the tap gather that runs a stride-1 'valid' Conv1D straight on embedding ids (see
 * {@link tapGather}): inputs `table` [V, size·F] (row v holds `embeddings[v] @ kernel[j]` for every tap
 * j, side by side), `ids` [B, T] int32 and optionally `bias` [F]; output
 * `y[b, t, f] = act(Σ_j table[ids[b, t + j], j·F + f] + bias[f])` for t < outLength. Its gradient runs
 * {@link TensorseqTapScatter}.
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqTapGather, { table, ids, bias }, { size: 7, outLength: 494, activation: 'relu' });
 * ```
 */
export const TensorseqTapGather = 'TensorseqTapGather';

/**
 * Kernel name of the tap gather's backward pass: inputs `dy`, `ids` and the gather's output `y`; output
 * `dTable` [V, size·F] (dense) for `part: 'table'`, or `dBias` [F] for `part: 'bias'` (one kernel per
 * gradient: tfjs asks for each input's gradient separately, and only for those it needs).
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqTapScatter, { dy, ids, y }, { ...attrs, vocab: 10000, part: 'table' });
 * ```
 */
export const TensorseqTapScatter = 'TensorseqTapScatter';

/**
 * Attributes of {@link TensorseqTapGather}.
 * @example
 * ```ts
 * const attrs: TapGatherKernelAttrs = { size: 7, outLength: 494, activation: 'relu' };
 * ```
 */
export type TapGatherKernelAttrs = {
  /** Taps of the convolution window. */
  size: number;
  /** Output steps: `T - size + 1`. */
  outLength: number;
  /** Applied inside the kernel. */
  activation: 'linear' | 'relu';
};

/**
 * Attributes of {@link TensorseqTapScatter}: the gather's, the table's rows and which gradient.
 * @example
 * ```ts
 * const attrs: TapScatterKernelAttrs = { size: 7, outLength: 494, activation: 'relu', vocab: 10000, part: 'table' };
 * ```
 */
export type TapScatterKernelAttrs = TapGatherKernelAttrs & {
  /** Rows of the table (the vocabulary size). */
  vocab: number;
  /** `'table'`: dL/d(table); `'bias'`: dL/d(bias). */
  part: 'table' | 'bias';
};
