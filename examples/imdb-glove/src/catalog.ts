import type { ExperimentInfo } from '@tensorseq/example-utils';

/**
 * What `pnpm exp list` shows for this example: one experiment, run by `pnpm exp imdb-glove`.
 *
 * @example
 * IMDB_GLOVE_CATALOG['imdb-glove'].section; // → '6.1.3'
 */
export const IMDB_GLOVE_CATALOG = {
  'imdb-glove': {
    title:
      'Embedding(10000, 100) from GloVe, frozen + Flatten + Dense(32) + Dense(1) on 200 reviews, and the same without GloVe',
    section: '6.1.3',
    epochs: 10,
    book: {
      metric: 'val_acc',
      goal: 'max',
      range: [0.55, 0.6],
      text: '"in the high 50s" with GloVe (test: 0.56); "low 50s" without',
    },
  },
} satisfies Record<string, ExperimentInfo>;
