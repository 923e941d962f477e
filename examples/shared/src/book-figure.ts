/** What the book reports for an experiment, to set our result beside it. */
export interface BookFigure {
  /** The history key compared: `val_acc` (IMDB) or `val_loss` (the Jena MAE, normalized). */
  metric: string;
  /** Whether higher (`max`: accuracy) or lower (`min`: MAE) is better. */
  goal: 'max' | 'min';
  /** The book's value, when it states one. */
  value?: number;
  /** Exact figures the book prints, by key of the result's `final` (parameter counts). */
  values?: Readonly<Record<string, number>>;
  /** The span the book's words put the figure in, when it states no single value. */
  range?: readonly [number, number];
  /** Where the book's number falls relative to the common-sense baseline (Jena), when it gives no value. */
  relation?: 'below-baseline' | 'above-baseline';
  /** The book's words, e.g. `≈ 0.89 (section 6.2.3)`. */
  text: string;
}

/** The best epoch of a run by the book's metric. */
export interface BestEpoch {
  metric: string;
  value: number;
  /** 1-based. */
  epoch: number;
}

/**
 * The epoch with the best value of `figure.metric` (the first one on a tie), as Keras users read a
 * curve: the book quotes the best validation figure, not the last.
 *
 * @param history - per-epoch values.
 * @param figure - the metric and whether higher is better.
 * @returns the best epoch, or `undefined` when the history has no such metric.
 * @example
 * bestEpoch({ val_acc: [0.8, 0.88, 0.86] }, { metric: 'val_acc', goal: 'max', text: '' });
 * // → { metric: 'val_acc', value: 0.88, epoch: 2 }
 */
export function bestEpoch(
  history: Readonly<Record<string, readonly number[]>>,
  figure: Pick<BookFigure, 'metric' | 'goal'>,
): BestEpoch | undefined {
  const values = history[figure.metric];
  if (!values?.length) return undefined;
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    const better = figure.goal === 'max' ? values[i] > values[best] : values[i] < values[best];
    if (better) best = i;
  }
  return { metric: figure.metric, value: values[best], epoch: best + 1 };
}
