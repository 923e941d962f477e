import type { ImdbExperiment } from '@tensorseq/example-utils/imdb';
import { Dense, Embedding, Flatten, Sequential } from '@tensorseq/layers-core';

/**
 * Listing 6.7 (section 6.1.2): the IMDB reviews cut to their last 20 words, an `Embedding(10000, 8)`
 * learned from scratch, flattened into one 160-value vector, and a single sigmoid unit: 10 epochs of
 * batch 32, rmsprop, the last 20% of the training reviews for validation.
 *
 * @example
 * IMDB_EMBEDDING_EXPERIMENTS.embedding.build({ numWords: 10000, maxlen: 20 }).countParams(); // → 80161
 */
export const IMDB_EMBEDDING_EXPERIMENTS = {
  embedding: {
    title: 'Embedding(10000, 8) + Flatten + Dense(1) on 20-word reviews (section 6.1.2)',
    section: '6.1.2',
    book: { metric: 'val_acc', goal: 'max', value: 0.76, text: '≈ 0.76 ("a validation accuracy of ~76%")' },
    sizes: { maxlen: 20, batchSize: 32, epochs: 10 },
    build: (sizes) => {
      const model = new Sequential();
      model.add(new Embedding({ inputDim: sizes.numWords, outputDim: 8, inputLength: sizes.maxlen }));
      model.add(new Flatten());
      model.add(new Dense({ units: 1, activation: 'sigmoid' }));
      return model;
    },
  },
} satisfies Record<string, ImdbExperiment>;

/** The names `pnpm exp imdb-embedding <name>` accepts. */
export type ImdbEmbeddingExperimentName = keyof typeof IMDB_EMBEDDING_EXPERIMENTS;
