import { describe, expect, it } from 'vitest';
import { bagsOfNgrams } from '../src/bag-of-ngrams';
import { listing61 } from '../src/listing-6-1';
import { listing62 } from '../src/listing-6-2';
import { listing63 } from '../src/listing-6-3';
import { listing64 } from '../src/listing-6-4';

describe('section 6.1 listings', () => {
  it('6.1 indexes the 10 whitespace tokens and sets one 1 per word', () => {
    const lines = listing61();
    expect(lines[0]).toBe(
      "token_index = {'The': 1, 'cat': 2, 'sat': 3, 'on': 4, 'the': 5, 'mat.': 6, 'dog': 7, 'ate': 8, 'my': 9, 'homework.': 10}",
    );
    expect(lines[1]).toBe('results.shape = (2, 10, 11)');
    expect(lines.slice(2)).toHaveLength(11);
    expect(lines).toContain('results[1, 4, 10] = 1');
  });

  it('6.2 encodes every character of both samples', () => {
    const lines = listing62();
    expect(lines[0]).toBe('100 printable characters');
    expect(lines[1]).toBe('results.shape = (2, 50, 101)');
    // 'T' is the 56th printable character (10 digits + 26 lower + 19 upper before it) → index 56.
    expect(lines[2].startsWith('sample 0: "The cat sat on the mat." -> indices [56, 18, 15, 95,')).toBe(true);
  });

  it('6.3 prints the book line: Found 9 unique tokens.', () => {
    const lines = listing63();
    expect(lines.at(-1)).toBe('Found 9 unique tokens.');
    expect(lines[0]).toBe('sequences = [[1,2,3,4,1,5],[1,6,7,8,9]]');
  });

  it('6.4 sets one 1 per word within 1000 buckets, and Keras md5 indices', () => {
    const lines = listing64();
    expect(lines[0]).toBe('results.shape = (2, 10, 1000)');
    expect(lines.filter((l) => l.startsWith('results['))).toHaveLength(11);
    expect(lines.at(-1)).toMatch(
      /^hashing_trick\("The dog ate my homework\.", 1000, 'md5'\) = \[\d+(,\d+){4}\]$/,
    );
  });

  it('bags of n-grams match the book', () => {
    const [two, three] = bagsOfNgrams();
    expect(two).toBe(
      'bag of 2-grams: {"The", "The cat", "cat", "cat sat", "sat", "sat on", "on", "on the", "the", "the mat", "mat"}',
    );
    expect(three).toContain('"The cat sat"');
    expect(three.split('", "')).toHaveLength(15);
  });
});
