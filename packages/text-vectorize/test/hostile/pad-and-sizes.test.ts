// Wrong answers without an error (issue #16), text: padSequences with dtype int32 stored NaN and
// non-numbers as 0 and wrapped 3e10; a huge maxlen or numWords threw a raw RangeError.
import { describe, expect, it } from 'vitest';
import { charOneHot, hashedWordOneHot, padSequences, Tokenizer, wordOneHot } from '../../src/index';

const INT32 = 'a finite number within the int32 range (dtype "int32")';

describe('padSequences: values the dtype cannot hold', () => {
  it.each([
    [Number.NaN, 'NaN', RangeError],
    [Number.POSITIVE_INFINITY, 'Infinity', RangeError],
    [3e10, '30000000000', RangeError],
    [-2_147_483_649, '-2147483649', RangeError],
    ['7', '"7"', TypeError],
    [null, 'null', TypeError],
    [undefined, 'undefined', TypeError],
  ])(
    'rejects %s with dtype int32 (NumPy refuses it; a typed array would store 0 or wrap)',
    (bad, shown, Type) => {
      const seqs = [
        [1, 2],
        [3, bad as number],
      ];
      expect(() => padSequences(seqs)).toThrow(Type);
      expect(() => padSequences(seqs)).toThrow(
        `padSequences: sequences[1][1] must be ${INT32}. Received: sequences[1][1]=${shown}.`,
      );
    },
  );

  it('keeps int32 limits and truncates fractions toward 0, like NumPy', () => {
    expect(Array.from(padSequences([[2_147_483_647, -2_147_483_648, 2.9, -2.9]]).data)).toEqual([
      2_147_483_647, -2_147_483_648, 2, -2,
    ]);
  });

  it('accepts NaN in float dtypes but not non-numbers', () => {
    expect(Array.from(padSequences([[Number.NaN]], { dtype: 'float32' }).data)).toEqual([Number.NaN]);
    expect(() => padSequences([['x' as unknown as number]], { dtype: 'float64' })).toThrow(
      'padSequences: sequences[0][0] must be a number. Received: sequences[0][0]="x".',
    );
  });

  it('rejects a fill value int32 cannot hold', () => {
    expect(() => padSequences([[1]], { maxlen: 3, value: Number.NaN })).toThrow(
      `padSequences: value must be ${INT32}. Received: value=NaN.`,
    );
  });

  it('checks only the values it keeps (truncated ones are dropped, as in Keras)', () => {
    expect(Array.from(padSequences([[Number.NaN, 1, 2]], { maxlen: 2 }).data)).toEqual([1, 2]);
  });
});

describe('sizes too large to allocate name their argument', () => {
  it('padSequences: a huge maxlen', () => {
    expect(() => padSequences([[1], [2]], { maxlen: 1e12 })).toThrow(
      'padSequences: maxlen must be small enough for the result to have at most 2147483647 elements. Received: maxlen=1000000000000 (2 sequences × maxlen 1000000000000: 2000000000000 elements).',
    );
  });

  it('Tokenizer.textsToMatrix / sequencesToMatrix: a huge numWords', () => {
    const tokenizer = new Tokenizer({ numWords: 1e12 });
    tokenizer.fitOnTexts(['a b']);
    expect(() => tokenizer.textsToMatrix(['a'])).toThrow(
      'Tokenizer.textsToMatrix: numWords must be small enough for the result to have at most 2147483647 elements. Received: numWords=1000000000000 (1 rows × width 1000000000000: 1000000000000 elements).',
    );
    expect(() => tokenizer.sequencesToMatrix([[1]])).toThrow(
      /^Tokenizer\.sequencesToMatrix: numWords must be small enough/,
    );
  });

  it('the one-hot encoders: a huge maxLength', () => {
    expect(() => wordOneHot(['a b'], { maxLength: 2 ** 31 })).toThrow(
      /^wordOneHot: maxLength must be small enough/,
    );
    expect(() => charOneHot(['a b'], { maxLength: 2 ** 31 })).toThrow(
      /^charOneHot: maxLength must be small enough/,
    );
    expect(() => hashedWordOneHot(['a b'], { maxLength: 2 ** 31 })).toThrow(
      /^hashedWordOneHot: maxLength must be small enough/,
    );
  });
});
