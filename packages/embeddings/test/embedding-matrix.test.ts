import { readFileSync } from 'node:fs';
import { sampleFile } from '@tensorseq/test-utils/data';
import { describe, expect, it } from 'vitest';
import { embeddingMatrix, KeyedVectors, loadGlove } from '../src/node';
import { dataFile } from './helpers';

describe('embeddingMatrix', () => {
  const kv = new KeyedVectors(['the', 'cat', '__proto__'], new Float32Array([1, 2, 3, 4, 5, 6]), 2);

  it('puts the vector of the word with index i in row i, zeros where missing, row 0 reserved', () => {
    const wordIndex = new Map([
      ['cat', 1],
      ['dog', 2],
      ['the', 3],
      ['__proto__', 4],
    ]);
    const { matrix, found, missing } = embeddingMatrix(kv, wordIndex);
    expect(matrix.shape).toEqual([5, 2]);
    expect([...matrix.data]).toEqual([0, 0, 3, 4, 0, 0, 1, 2, 5, 6]);
    expect(found).toBe(3);
    expect(missing).toEqual(['dog']);
  });

  it('keeps only indices below numWords, like the book, and reads plain objects', () => {
    const { matrix, found, missing } = embeddingMatrix(kv, { the: 1, cat: 2, dog: 3 }, { numWords: 2 });
    expect(matrix.shape).toEqual([2, 2]);
    expect([...matrix.data]).toEqual([0, 0, 1, 2]);
    expect([found, missing]).toEqual([1, []]);
  });

  it("shifts indices by indexOffset (Keras imdb's index_from)", () => {
    const { matrix } = embeddingMatrix(kv, new Map([['cat', 1]]), { indexOffset: 3 });
    expect(matrix.shape).toEqual([5, 2]);
    expect([...matrix.data.subarray(8)]).toEqual([3, 4]);
  });

  it('rejects bad indices and sizes', () => {
    expect(() => embeddingMatrix(kv, new Map([['cat', -1]]))).toThrow(
      'embeddingMatrix: every index must be a non-negative integer. Received: "cat"=-1.',
    );
    expect(() => embeddingMatrix(kv, new Map([['cat', 1]]), { numWords: 0 })).toThrow(
      'embeddingMatrix: numWords must be a positive integer. Received: numWords=0.',
    );
  });

  it('builds the IMDB matrix of the book from Keras word index and GloVe', async () => {
    const wordIndex: Record<string, number> = JSON.parse(
      readFileSync(sampleFile('imdb/imdb_word_index.json'), 'utf8'),
    );
    const numWords = 10000;
    const wanted = Object.keys(wordIndex).filter((w) => wordIndex[w] < numWords);
    const kv100 = await loadGlove(dataFile('glove.6B.100d.top2717.txt'), { vocabulary: wanted });
    const { matrix, found, missing } = embeddingMatrix(kv100, wordIndex, { numWords });
    expect(matrix.shape).toEqual([numWords, 100]);
    expect(found).toBe(kv100.size);
    expect(found + missing.length).toBe(wanted.filter((w) => wordIndex[w] > 0).length);
    const good = wordIndex.good;
    expect([...matrix.data.subarray(good * 100, good * 100 + 100)]).toEqual([...kv100.get('good')!]);
    expect(matrix.data.subarray(0, 100).every((x) => x === 0)).toBe(true);
  });
});
