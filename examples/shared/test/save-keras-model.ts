import { Dense, Embedding, Sequential } from '@tensorseq/layers-core';
import { SimpleRNN } from '@tensorseq/layers-recurrent';

/** A small IMDB model for the `--save-keras` test. */
export function buildSimpleRnnForTest({
  numWords,
  maxlen,
}: {
  numWords: number;
  maxlen: number;
}): Sequential {
  return new Sequential({
    layers: [
      new Embedding({ inputDim: numWords, outputDim: 8, inputLength: maxlen }),
      new SimpleRNN({ units: 4 }),
      new Dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
}
