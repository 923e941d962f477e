import { wordOneHot } from '@tensorseq/text-vectorize';
import { hotPositions, pyDict } from './format';
import { SAMPLES } from './samples';

/** Listing 6.1: word-level one-hot encoding (toy example). */
export function listing61(): string[] {
  const { tokenIndex, result } = wordOneHot(SAMPLES, { maxLength: 10 });
  return [
    `token_index = ${pyDict(tokenIndex)}`,
    `results.shape = (${result.shape.join(', ')})`,
    ...hotPositions(result),
  ];
}
