import { bagOfNgrams, textToWordSequence } from '@tensorseq/text-vectorize';

/** Section 6.1's bags of 2-grams and 3-grams of "The cat sat on the mat." */
export function bagsOfNgrams(): string[] {
  const words = textToWordSequence('The cat sat on the mat.', { lower: false });
  const show = (set: ReadonlySet<string>) => `{${[...set].map((s) => `"${s}"`).join(', ')}}`;
  return [`bag of 2-grams: ${show(bagOfNgrams(words, 2))}`, `bag of 3-grams: ${show(bagOfNgrams(words, 3))}`];
}
