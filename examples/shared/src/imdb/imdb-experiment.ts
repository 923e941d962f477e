import type { OptimizerIdentifier, Sequential } from '@tensorseq/layers-core';

/** Sizes a model is built for. */
export interface ImdbModelSizes {
  /** Embedding `inputDim` (the book's `max_features`). */
  numWords: number;
  /** Words per review after padding. */
  maxlen: number;
}

/** One IMDB experiment: the book's model, its optimizer, and whether it reads reviews backwards. */
export interface ImdbExperiment {
  /** The book's model and section, for logs, results and charts. */
  title: string;
  /** Reverse each review before padding (the reversed-sequence LSTM of section 6.3.8). @defaultValue false */
  reverse?: boolean;
  /** A fresh optimizer per run. @defaultValue 'rmsprop' (Keras defaults) */
  optimizer?: () => OptimizerIdentifier;
  /** Builds the model: ids `[batch, maxlen]` in, a sigmoid probability out. */
  build(sizes: ImdbModelSizes): Sequential;
}
