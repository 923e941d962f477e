import type { ImdbExperiment, ImdbModelSizes } from '@tensorseq/example-utils/imdb';
import { Dense, Embedding, Sequential } from '@tensorseq/layers-core';
import { Bidirectional, LSTM, SimpleRNN } from '@tensorseq/layers-recurrent';

/** Embedding + recurrent layer + Dense(1, sigmoid), the shape of every model here. */
function classifier(
  sizes: ImdbModelSizes,
  embeddingDim: number,
  recurrent: LSTM | SimpleRNN | Bidirectional,
) {
  const model = new Sequential();
  model.add(new Embedding({ inputDim: sizes.numWords, outputDim: embeddingDim, inputLength: sizes.maxlen }));
  model.add(recurrent);
  model.add(new Dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

/**
 * The IMDB recurrent experiments of sections 6.2–6.3, by name, with the book's layer sizes (the
 * reversed-sequence LSTM embeds in 128 dimensions, as the book does in section 6.3.8; the others in 32).
 *
 * @example
 * const model = IMDB_RNN_EXPERIMENTS.lstm.build({ numWords: 10000, maxlen: 500 });
 * model.countParams(); // → 328353 (Keras: 320,000 + 8,320 + 33)
 */
export const IMDB_RNN_EXPERIMENTS = {
  simplernn: {
    title: 'Embedding(10000, 32) + SimpleRNN(32) + Dense(1) (section 6.2.1)',
    section: '6.2.1',
    book: { metric: 'val_acc', goal: 'max', value: 0.85, text: '≈ 0.85 ("only 85% validation accuracy")' },
    build: (sizes) => classifier(sizes, 32, new SimpleRNN({ units: 32 })),
  },
  lstm: {
    title: 'Embedding(10000, 32) + LSTM(32) + Dense(1) (section 6.2.3)',
    section: '6.2.3',
    book: { metric: 'val_acc', goal: 'max', value: 0.89, text: '≈ 0.89 ("up to 89% validation accuracy")' },
    build: (sizes) => classifier(sizes, 32, new LSTM({ units: 32 })),
  },
  bilstm: {
    title: 'Embedding(10000, 32) + Bidirectional(LSTM(32)) + Dense(1) (section 6.3.8)',
    section: '6.3.8',
    book: {
      metric: 'val_acc',
      goal: 'max',
      value: 0.89,
      text: '> 0.89 ("slightly better than the regular LSTM, over 89%")',
    },
    build: (sizes) => classifier(sizes, 32, new Bidirectional(new LSTM({ units: 32 }))),
  },
  'reversed-lstm': {
    title: 'LSTM(32) on reversed reviews, Embedding(10000, 128) (section 6.3.8)',
    section: '6.3.8',
    book: {
      metric: 'val_acc',
      goal: 'max',
      value: 0.89,
      text: '≈ 0.89 ("nearly identical to that of the chronological-order LSTM")',
    },
    reverse: true,
    build: (sizes) => classifier(sizes, 128, new LSTM({ units: 32 })),
  },
} satisfies Record<string, ImdbExperiment>;

/** The names `pnpm exp imdb-rnn <name>` accepts. */
export type ImdbRnnExperimentName = keyof typeof IMDB_RNN_EXPERIMENTS;
