import { hashedWordOneHot, hashingTrick } from '@tensorseq/text-vectorize';
import { hotPositions } from './format';
import { SAMPLES } from './samples';

/** Listing 6.4: word-level one-hot encoding with the hashing trick (toy example), plus Keras' hashing_trick. */
export function listing64(): string[] {
  const results = hashedWordOneHot(SAMPLES, { dimensionality: 1000, maxLength: 10 });
  return [
    `results.shape = (${results.shape.join(', ')})`,
    ...hotPositions(results),
    ...SAMPLES.map(
      (s) => `hashing_trick(${JSON.stringify(s)}, 1000, 'md5') = ${JSON.stringify(hashingTrick(s, 1000))}`,
    ),
  ];
}
