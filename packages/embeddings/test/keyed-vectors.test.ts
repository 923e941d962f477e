import { describe, expect, it } from 'vitest';
import { KeyedVectors, loadWord2Vec } from '../src/node';
import { dataFile, naiveBinary } from './helpers';

/** Brute force in float64, straight from the definitions, as the oracle. */
const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));
const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((s, x, k) => s + x * b[k], 0) / (norm(a) * norm(b));
const unit = (v: ArrayLike<number>) => Array.from(v, (x) => x / norm(v));

function bruteForce(
  words: string[],
  rows: Float32Array[],
  score: (row: Float32Array) => number,
  exclude: string[],
  topn: number,
) {
  return words
    .map((word, i) => ({ word, score: score(rows[i]) }))
    .filter((r) => !exclude.includes(r.word))
    .sort((a, b) => b.score - a.score)
    .slice(0, topn);
}

function expectSameRanking(
  actual: { word: string; score: number }[],
  expected: { word: string; score: number }[],
) {
  expect(actual.map((r) => r.word)).toEqual(expected.map((r) => r.word));
  actual.forEach((r, i) => {
    expect(r.score).toBeCloseTo(expected[i].score, 5);
  });
}

describe('KeyedVectors queries on the 300-d file', async () => {
  const path = dataFile('turbomaze_wordvecs1000.converted.w2v.bin');
  const { words, rows } = naiveBinary(path);
  const kv = await loadWord2Vec(path, { binary: true });
  const at = (w: string) => rows[words.indexOf(w)];
  const [w1, w2, w3] = [words[10], words[25], words[3]];

  it('mostSimilar matches a brute-force cosine to the normalized mean (positive and negative)', () => {
    const [u1, u2, u3] = [unit(at(w1)), unit(at(w2)), unit(at(w3))];
    const mean = u1.map((_, k) => (u1[k] + u2[k] - u3[k]) / 3);
    const expected = bruteForce(words, rows, (row) => cosine(row, mean), [w1, w2, w3], 10);
    expectSameRanking(kv.mostSimilar({ positive: [w1, w2], negative: [w3] }), expected);
  });

  it('mostSimilar of one word ranks its nearest neighbours by cosine, itself excluded', () => {
    const expected = bruteForce(words, rows, (row) => cosine(row, at(w1)), [w1], 25);
    expectSameRanking(kv.mostSimilar({ positive: [w1], topn: 25 }), expected);
  });

  it('mostSimilar honours restrictVocab, raw vector terms (not excluded) and [word, weight] pairs', () => {
    const restricted = bruteForce(
      words.slice(0, 100),
      rows.slice(0, 100),
      (row) => cosine(row, at(w2)),
      [w2],
      5,
    );
    expectSameRanking(kv.mostSimilar({ positive: [w2], topn: 5, restrictVocab: 100 }), restricted);
    const byVector = bruteForce(words, rows, (row) => cosine(row, at(w2)), [], 3);
    expectSameRanking(kv.mostSimilar({ positive: [at(w2)], topn: 3 }), byVector);
    const [u1, u2] = [unit(at(w1)), unit(at(w2))];
    const weighted = u1.map((_, k) => (2 * u1[k] + 0.5 * u2[k]) / 2.5);
    const expected = bruteForce(words, rows, (row) => cosine(row, weighted), [w1, w2], 4);
    expectSameRanking(
      kv.mostSimilar({
        positive: [
          [w1, 2],
          [w2, 0.5],
        ],
        topn: 4,
      }),
      expected,
    );
  });

  it('mostSimilarCosmul matches the 3CosMul objective computed by brute force', () => {
    const shifted = (row: Float32Array, w: string) => (1 + cosine(row, at(w))) / 2;
    const score = (row: Float32Array) => (shifted(row, w1) * shifted(row, w2)) / (shifted(row, w3) + 1e-6);
    const expected = bruteForce(words, rows, score, [w1, w2, w3], 10);
    expectSameRanking(kv.mostSimilarCosmul({ positive: [w1, w2], negative: [w3] }), expected);
  });

  it('similarity is the cosine of the two vectors', () => {
    expect(kv.similarity(w1, w2)).toBeCloseTo(cosine(at(w1), at(w2)), 6);
    expect(kv.similarity(w1, w1)).toBeCloseTo(1, 6);
  });

  it('doesntMatch picks the word least similar to the normalized mean, ignoring unknown words', () => {
    const group = [w1, ...kv.mostSimilar({ positive: [w1], topn: 3 }).map((r) => r.word), w3];
    const units = group.map((w) => unit(at(w)));
    const mean = units[0].map((_, k) => units.reduce((s, u) => s + u[k], 0));
    const expected = group.reduce((worst, w) => (cosine(at(w), mean) < cosine(at(worst), mean) ? w : worst));
    const warnings: string[] = [];
    expect(kv.doesntMatch([...group, 'not-a-word'], { onWarning: (m) => warnings.push(m) })).toBe(expected);
    expect(warnings).toEqual([
      'KeyedVectors.doesntMatch: vectors for words ["not-a-word"] are not present in the model, ignoring these words.',
    ]);
  });

  it('returns nothing for topn 0 and fails on unknown words with the word named', () => {
    expect(kv.mostSimilar({ positive: [w1], topn: 0 })).toEqual([]);
    expect(() => kv.mostSimilar({ positive: ['not-a-word'] })).toThrow(
      'KeyedVectors.mostSimilar: every word must be in the vocabulary. Received: word="not-a-word".',
    );
    expect(() => kv.similarity(w1, 'nope')).toThrow(
      'KeyedVectors.similarity: every word must be in the vocabulary. Received: word="nope".',
    );
  });
});

describe('KeyedVectors', () => {
  const kv = new KeyedVectors(['__proto__', 'b', 'c'], new Float32Array([1, 0, 0, 1, 0, 0]), 2);

  it('looks words up in a Map (a word may be __proto__) and returns views into the matrix', () => {
    expect(kv.has('__proto__')).toBe(true);
    expect(kv.has('toString')).toBe(false);
    expect(kv.getIndex('b')).toBe(1);
    expect(kv.get('missing')).toBeUndefined();
    expect(kv.get('b')?.buffer).toBe(kv.vectors.data.buffer);
    expect([kv.size, kv.dim, kv.vectors.shape]).toEqual([3, 2, [3, 2]]);
  });

  it('ranks zero vectors last (their cosine is NaN) and breaks ties by index', () => {
    const ties = new KeyedVectors(['q', 'x', 'y', 'z'], new Float32Array([1, 0, 0, 0, 2, 0, 3, 0]), 2);
    expect(ties.mostSimilar({ positive: ['q'] }).map((r) => r.word)).toEqual(['y', 'z', 'x']);
  });

  it('rejects inconsistent construction and queries', () => {
    expect(() => new KeyedVectors(['a'], new Float32Array(3), 2)).toThrow(
      'KeyedVectors: data must hold words.length × dim = 2 values. Received: data.length=3.',
    );
    expect(() => new KeyedVectors(['a', 'a'], new Float32Array(4), 2)).toThrow(
      'KeyedVectors: words must be unique. Received: "a" twice.',
    );
    expect(() => kv.mostSimilar({})).toThrow(
      'KeyedVectors.mostSimilar: positive or negative must hold at least one word or vector. Received: positive=[], negative=[].',
    );
    expect(() => kv.mostSimilar({ positive: ['b'], topn: -1 })).toThrow(
      'KeyedVectors.mostSimilar: topn must be a non-negative integer. Received: topn=-1.',
    );
    expect(() => kv.mostSimilar({ positive: [[1, 2, 3]] })).toThrow(
      'KeyedVectors.mostSimilar: a vector term must have 2 values. Received: length=3.',
    );
    expect(() => kv.mostSimilarCosmul({ negative: ['b'] })).toThrow(
      'KeyedVectors.mostSimilarCosmul: positive must hold at least one word or vector. Received: positive=[].',
    );
    expect(() => kv.doesntMatch(['x'], { onWarning: () => {} })).toThrow(
      'KeyedVectors.doesntMatch: words must include at least one word in the vocabulary. Received: words=["x"].',
    );
  });
});
