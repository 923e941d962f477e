import { Tokenizer } from '@tensorseq/text-vectorize';
import { pyDict } from './format';
import { SAMPLES } from './samples';

/** Listing 6.3: using Keras for word-level one-hot encoding (the Tokenizer). */
export function listing63(): string[] {
  const tokenizer = new Tokenizer({ numWords: 1000 });
  tokenizer.fitOnTexts(SAMPLES);
  const sequences = tokenizer.textsToSequences(SAMPLES);
  const oneHotResults = tokenizer.textsToMatrix(SAMPLES, 'binary');
  const wordIndex = tokenizer.wordIndex;
  const ones = (row: number) =>
    Array.from(oneHotResults.data.subarray(row * 1000, (row + 1) * 1000).entries())
      .filter(([, v]) => v === 1)
      .map(([k]) => k);
  return [
    `sequences = ${JSON.stringify(sequences)}`,
    `one_hot_results.shape = (${oneHotResults.shape.join(', ')}); ones at ${JSON.stringify(ones(0))} and ${JSON.stringify(ones(1))}`,
    `word_index = ${pyDict(wordIndex)}`,
    `Found ${wordIndex.size} unique tokens.`,
  ];
}
