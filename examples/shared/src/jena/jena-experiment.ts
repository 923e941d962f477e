import type { OptimizerIdentifier, Sequential } from '@tensorseq/layers-core';

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
  /** The book's epoch count (20, or 40 for the regularized models). */
  epochs: number;
  /** Sampling period inside a window (a duration or rows). @defaultValue '1h' (the book's `step=6` of 10 min) */
  step?: string | number;
  /** A fresh optimizer per run. @defaultValue 'rmsprop' (Keras defaults) */
  optimizer?: () => OptimizerIdentifier;
  /** Builds the model; `undefined` for the common-sense baseline, which trains nothing. */
  build?: (sizes: JenaModelSizes) => Sequential;
}
