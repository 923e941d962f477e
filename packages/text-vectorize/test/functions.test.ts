import { describe, expect, it } from 'vitest';
import {
  bagOfNgrams,
  charOneHot,
  fnv1a,
  hashedWordOneHot,
  hashingTrick,
  md5,
  ngrams,
  oneHot,
  padSequences,
  textToWordSequence,
  toHex,
  wordOneHot,
} from '../src/index';

describe('md5', () => {
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['The quick brown fox jumps over the lazy dog', '9e107d9d372bb6826bd81d3542a419d6'],
    ['a'.repeat(64), '014842d480b571495a4a0363793f7367'],
  ])('matches RFC 1321 vectors for %j', (input, hex) => {
    expect(toHex(md5(input))).toBe(hex);
  });

  it('hashes UTF-8 bytes like Python', () => {
    // python3 -c "import hashlib; print(hashlib.md5('é😀'.encode()).hexdigest())"
    expect(toHex(md5('é😀'))).toBe(toHex(md5(Uint8Array.of(0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80))));
  });
});

describe('fnv1a', () => {
  it('matches the published 32-bit FNV-1a values', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('hashes UTF-8 bytes, so astral characters are 4 bytes', () => {
    let h = 0x811c9dc5;
    for (const b of [0xf0, 0x9f, 0x98, 0x80]) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    expect(fnv1a('😀')).toBe(h);
  });
});

describe('hashingTrick and oneHot', () => {
  it('maps words into 1 … n-1 and equal words to equal indices', () => {
    for (const hash of ['md5', 'fnv1a'] as const) {
      const seq = hashingTrick('the cat the dog', 7, { hash });
      expect(seq.every((i) => i >= 1 && i <= 6)).toBe(true);
      expect(seq[0]).toBe(seq[2]);
    }
    expect(oneHot('the cat the', 5)).toEqual(hashingTrick('the cat the', 5, { hash: 'fnv1a' }));
  });

  it('applies Python modulo to custom hashes, bigint included', () => {
    expect(hashingTrick('a b', 4, { hash: (w) => (w === 'a' ? -1 : 10n ** 30n) })).toEqual([3, 2]);
  });

  it('rejects bad n and hash', () => {
    expect(() => hashingTrick('a', 1)).toThrow('hashingTrick: n must be an integer >= 2. Received: n=1.');
    expect(() => hashingTrick('a', 10, { hash: 'sha1' as never })).toThrow(
      'hashingTrick: hash must be "md5", "fnv1a" or a function. Received: hash="sha1".',
    );
    expect(() => hashingTrick(5 as never, 10)).toThrow(
      'hashingTrick: text must be a string. Received: text=5.',
    );
  });
});

describe('textToWordSequence', () => {
  it('handles multi-character separators and astral filters like Python', () => {
    expect(textToWordSequence('a--b-c', { split: '--', filters: '' })).toEqual(['a', 'b-c']);
    expect(textToWordSequence('x😀y z', { filters: '😀' })).toEqual(['x', 'y', 'z']);
  });

  it('rejects non-string text', () => {
    expect(() => textToWordSequence(undefined as never)).toThrow(
      'textToWordSequence: text must be a string. Received: text=undefined.',
    );
  });
});

describe('padSequences', () => {
  it('pads and truncates on either side', () => {
    const seqs = [[1], [2, 3], [4, 5, 6]];
    expect(Array.from(padSequences(seqs).data)).toEqual([0, 0, 1, 0, 2, 3, 4, 5, 6]);
    const post = padSequences(seqs, { maxlen: 2, padding: 'post', truncating: 'post', value: -1 });
    expect(post.shape).toEqual([3, 2]);
    expect(Array.from(post.data)).toEqual([1, -1, 2, 3, 4, 5]);
  });

  it('copies plain arrays in one checked pass: pre truncation, dtype conversion, errors at the source index', () => {
    const seqs = [
      [1, 2, 3, 4],
      [5.9, -6.9],
    ];
    expect(Array.from(padSequences(seqs, { maxlen: 3 }).data)).toEqual([2, 3, 4, 0, 5, -6]);
    expect(Array.from(padSequences(seqs, { maxlen: 3, dtype: 'float32' }).data)).toEqual([
      2,
      3,
      4,
      0,
      Math.fround(5.9),
      Math.fround(-6.9),
    ]);
    // The dropped head is never read; a bad value kept is named at its index in the sequence.
    expect(Array.from(padSequences([['x', 1, 2]] as never, { maxlen: 2 }).data)).toEqual([1, 2]);
    expect(() => padSequences([[0, 1, 2, 2 ** 31]], { maxlen: 2 })).toThrow(
      'padSequences: sequences[0][3] must be a finite number within the int32 range (dtype "int32").',
    );
    expect(() => padSequences([[0, '1']] as never, { dtype: 'float64' })).toThrow(
      'padSequences: sequences[0][1] must be a number. Received: sequences[0][1]="1".',
    );
  });

  it('accepts typed arrays and returns the requested dtype', () => {
    const out = padSequences([Int32Array.of(1, 2)], { maxlen: 3, dtype: 'float64' });
    expect(out.data).toBeInstanceOf(Float64Array);
    expect(Array.from(out.data)).toEqual([0, 1, 2]);
  });

  it.each([
    [{ maxlen: -1 }, 'padSequences: maxlen must be a non-negative integer. Received: maxlen=-1.'],
    [{ maxlen: Number.NaN }, 'padSequences: maxlen must be a non-negative integer. Received: maxlen=NaN.'],
    [{ maxlen: 1.5 }, 'padSequences: maxlen must be a non-negative integer. Received: maxlen=1.5.'],
    [{ padding: 'mid' }, 'padSequences: padding must be one of "pre", "post". Received: padding="mid".'],
    [
      { truncating: 'both' },
      'padSequences: truncating must be one of "pre", "post". Received: truncating="both".',
    ],
    [
      { dtype: 'int8' },
      'padSequences: dtype must be one of "int32", "float32", "float64". Received: dtype="int8".',
    ],
  ])('rejects %o even when every sequence is empty', (options, message) => {
    expect(() => padSequences([[]], options as never)).toThrow(message);
  });

  it('rejects a non-array sequence, naming its position', () => {
    expect(() => padSequences([[1], 2] as never)).toThrow(
      'padSequences: sequences[1] must be an array of numbers. Received: sequences[1]=2.',
    );
  });
});

describe('ngrams and bagOfNgrams', () => {
  const words = ['The', 'cat', 'sat', 'on', 'the', 'mat'];
  it('lists n-grams of one width', () => {
    expect(ngrams(words, 3)).toEqual(['The cat sat', 'cat sat on', 'sat on the', 'on the mat']);
    expect(ngrams(['a'], 2)).toEqual([]);
  });

  it("builds the chapter's bag of 2-grams", () => {
    expect([...bagOfNgrams(words, 2)]).toEqual([
      'The',
      'The cat',
      'cat',
      'cat sat',
      'sat',
      'sat on',
      'on',
      'on the',
      'the',
      'the mat',
      'mat',
    ]);
    expect(bagOfNgrams(words, 3).size).toBe(15);
  });

  it('rejects n < 1', () => {
    expect(() => ngrams(words, 0)).toThrow('ngrams: n must be a positive integer. Received: n=0.');
  });
});

describe('toy encoders (listings 6.1, 6.2, 6.4)', () => {
  const samples = ['The cat sat on the mat.', 'The dog ate my homework.'];

  it('wordOneHot indexes whitespace tokens from 1', () => {
    const { tokenIndex, result } = wordOneHot(samples);
    expect(tokenIndex.size).toBe(10);
    expect(result.shape).toEqual([2, 10, 11]);
    expect(result.data.reduce((a, b) => a + b, 0)).toBe(11);
    expect(result.data[(1 * 10 + 4) * 11 + tokenIndex.get('homework.')!]).toBe(1);
  });

  it('charOneHot uses string.printable and truncates to maxLength', () => {
    const { tokenIndex, result } = charOneHot(samples, { maxLength: 5 });
    expect(tokenIndex.get('0')).toBe(1);
    expect(result.shape).toEqual([2, 5, 101]);
    expect(result.data.reduce((a, b) => a + b, 0)).toBe(10);
    expect(result.data[tokenIndex.get('T')!]).toBe(1);
  });

  it('hashedWordOneHot puts one 1 per word in the hashing space', () => {
    const result = hashedWordOneHot(samples, { dimensionality: 50, hash: 'md5' });
    expect(result.shape).toEqual([2, 10, 50]);
    expect(result.data.reduce((a, b) => a + b, 0)).toBe(11);
    expect(() => hashedWordOneHot(samples, { dimensionality: 0 })).toThrow(
      'hashedWordOneHot: dimensionality must be a positive integer. Received: dimensionality=0.',
    );
  });
});
