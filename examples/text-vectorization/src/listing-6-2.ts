import { charOneHot } from '@tensorseq/text-vectorize';
import { SAMPLES } from './samples';

/** Listing 6.2: character-level one-hot encoding (toy example) over string.printable. */
export function listing62(): string[] {
  const { tokenIndex, result } = charOneHot(SAMPLES, { maxLength: 50 });
  const [, length, depth] = result.shape;
  const rows = SAMPLES.map((sample, i) => {
    const indices: number[] = [];
    for (let j = 0; j < Math.min(sample.length, length); j++) {
      const row = result.data.subarray((i * length + j) * depth, (i * length + j + 1) * depth);
      indices.push(row.indexOf(1));
    }
    return `sample ${i}: ${JSON.stringify(sample)} -> indices [${indices.join(', ')}]`;
  });
  return [`${tokenIndex.size} printable characters`, `results.shape = (${result.shape.join(', ')})`, ...rows];
}
