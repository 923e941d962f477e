/**
 * The sizes and ids shared by {@link TapGatherArgs} and {@link TapScatterArgs}.
 * @example
 * ```ts
 * const shape: TapShape = { batch: 1, steps: 2, filters: 1, size: 2, vocab: 2, activation: 'linear', ids: Int32Array.of(0, 1) };
 * ```
 */
export interface TapShape {
  batch: number;
  /** Ids per sample (T); the output has `steps - size + 1` steps. */
  steps: number;
  /** Output channels (F). */
  filters: number;
  /** Taps (the Conv1D's kernel size, K). */
  size: number;
  /** Rows of the table. */
  vocab: number;
  /** `'relu'` applies it inside (and masks the gradient by the output); `'linear'` does not. */
  activation: 'linear' | 'relu';
  /** [batch, steps] ids in [0, vocab). */
  ids: Int32Array;
}

/**
 * Arguments of {@link tapGather}: a stride-1 'valid' Conv1D run on embedding ids.
 * @example
 * ```ts
 * const args: TapGatherArgs = {
 *   batch: 1, steps: 2, filters: 1, size: 2, vocab: 2, activation: 'linear',
 *   ids: Int32Array.of(0, 1), table: Float32Array.of(1, 10, 2, 20), bias: null,
 * };
 * ```
 */
export interface TapGatherArgs extends TapShape {
  /** [vocab, size·F]: row v holds `embeddings[v] @ kernel[j]` for every tap j, side by side. */
  table: Float32Array;
  /** [F], or null. */
  bias: Float32Array | null;
}

/**
 * Arguments of {@link tapScatter}: the gather's sizes and ids, and whether it added a bias.
 * @example
 * ```ts
 * const args: TapScatterArgs = { ...shape, hasBias: true };
 * ```
 */
export interface TapScatterArgs extends TapShape {
  hasBias: boolean;
}

/**
 * The gradients of {@link tapGather}.
 * @example
 * ```ts
 * const { dTable, dBias } = tapScatter(args, dy, y);
 * ```
 */
export interface TapScatterGrads {
  /** [vocab, size·F]. */
  dTable: Float32Array;
  /** [F], or null without a bias. */
  dBias: Float32Array | null;
}

/**
 * The sizes of {@link TapShape} that the bias gradient needs (no ids, no vocabulary).
 *
 * @example
 * const args: TapBiasArgs = { batch: 128, steps: 500, filters: 32, size: 7, activation: 'relu' };
 */
export type TapBiasArgs = Pick<TapShape, 'batch' | 'steps' | 'filters' | 'size' | 'activation'>;
