import type { OptimizerIdentifier, Sequential } from '@tensorseq/layers-core';
import type { BookFigure } from '../book-figure';

/** Sizes a model is built for. */
export interface ImdbModelSizes {
  /** Embedding `inputDim` (the book's `max_features`). */
  numWords: number;
  /** Words per review after padding. */
  maxlen: number;
}

/** Settings an experiment may change from the chapter's usual ones (section 6.1.2 cuts reviews to 20 words, batch 32). */
export interface ImdbSizeOverrides {
  maxlen?: number;
  batchSize?: number;
  epochs?: number;
}

/** One IMDB experiment: the book's model, its optimizer, and whether it reads reviews backwards. */
export interface ImdbExperiment {
  /** The book's model and section, for logs, results and charts. */
  title: string;
  /** The book's section, e.g. `6.2.3`. */
  section?: string;
  /** What the book reports for it. */
  book?: BookFigure;
  /** The book's sizes where they differ from sections 6.2–6.4's (maxlen 500, batch 128, 10 epochs). */
  sizes?: ImdbSizeOverrides;
  /** Reverse each review before padding (the reversed-sequence LSTM of section 6.3.8). @defaultValue false */
  reverse?: boolean;
  /** A fresh optimizer per run. @defaultValue 'rmsprop' (Keras defaults) */
  optimizer?: () => OptimizerIdentifier;
  /** Builds the model: ids `[batch, maxlen]` in, a sigmoid probability out. */
  build(sizes: ImdbModelSizes): Sequential;
}
