import type { OptimizerIdentifier, Sequential } from '@tensorseq/layers-core';
import type { BookFigure } from '../book-figure';

/** The input a Jena model is built for: `[timesteps, features]` windows. */
export interface JenaModelSizes {
  /** `lookback / step`: 240 for the book's 10 days at one sample per hour. */
  timesteps: number;
  /** Columns of the data (6 in the shared hourly file, 14 in the Keras one). */
  features: number;
}

/** One Jena experiment: the book's model and training length. */
export interface JenaExperiment {
  /** The book's model and section, for logs, results and charts. */
  title: string;
  /** The book's section, e.g. `6.3.5`. */
  section?: string;
  /** What the book reports for it (the validation MAE, normalized). */
  book?: BookFigure;
  /** The book's epoch count (20, or 40 for the regularized models). */
  epochs: number;
  /** Feed every window in reverse time order (the reversed-sequence GRU of section 6.3.8). @defaultValue false */
  reverse?: boolean;
  /** Sampling period inside a window (a duration or rows). @defaultValue '1h' (the book's `step=6` of 10 min) */
  step?: string | number;
  /** A fresh optimizer per run. @defaultValue 'rmsprop' (Keras defaults) */
  optimizer?: () => OptimizerIdentifier;
  /** Builds the model; `undefined` for the common-sense baseline, which trains nothing. */
  build?: (sizes: JenaModelSizes) => Sequential;
}
