import { describe, expect, it } from 'vitest';
import {
  type PadSequencesOptions,
  padSequences,
  Tokenizer,
  type TokenizerOptions,
  type TokenizerText,
} from '../src/index';

const TEXTS: TokenizerText[] = [
  'The cat sat on the mat.',
  'The dog ate my homework!',
  'A cat, a dog; THE END',
  '',
  'mat mat mat cat dog zebra yak the the the',
  'Ünïcode wörds, ΟΔΟΣ and İstanbul',
];

function fitted(options: TokenizerOptions, texts: TokenizerText[]): Tokenizer {
  const tokenizer = new Tokenizer(options);
  tokenizer.fitOnTexts(texts);
  return tokenizer;
}

/** The fused call against the two-step one, each on its own freshly fitted tokenizer. */
function both(
  options: TokenizerOptions,
  fit: TokenizerText[],
  query: TokenizerText[],
  pad: PadSequencesOptions<'int32' | 'float32'>,
) {
  const fused = fitted(options, fit).textsToPaddedSequences(query, pad);
  const twoStep = padSequences(fitted(options, fit).textsToSequences(query), pad);
  return { fused, twoStep };
}

describe('Tokenizer.textsToPaddedSequences', () => {
  const tokenizerOptions: [string, TokenizerOptions][] = [
    ['defaults', {}],
    ['numWords', { numWords: 4 }],
    ['numWords + oovToken', { numWords: 3, oovToken: '<oov>' }],
    ['oov token that occurs in the texts', { oovToken: 'cat' }],
    ['no lower-casing', { lower: false }],
    ['char level', { charLevel: true, numWords: 6 }],
  ];
  const padOptions: PadSequencesOptions<'int32' | 'float32'>[] = [
    { maxlen: 4 },
    { maxlen: null },
    { maxlen: 3, padding: 'post', truncating: 'post' },
    { maxlen: 12, value: -1, dtype: 'float32' },
  ];
  it.each(tokenizerOptions)(
    'equals padSequences(textsToSequences) right after the fit (%s)',
    (_, options) => {
      for (const pad of padOptions) {
        const { fused, twoStep } = both(options, TEXTS, TEXTS, pad);
        expect(fused.shape).toEqual(twoStep.shape);
        expect(fused.data).toEqual(twoStep.data);
      }
    },
  );

  it('equals it on other texts, token lists, and a second call (which scans)', () => {
    const query: TokenizerText[] = ['the mat sat', TEXTS[1], ['THE', 'cat', 'unknown'], TEXTS[3], 'one more'];
    for (const options of [{}, { numWords: 5, oovToken: '?' }] as TokenizerOptions[]) {
      const { fused, twoStep } = both(options, TEXTS, query, { maxlen: 5 });
      expect(fused).toEqual(twoStep);
      const tokenizer = fitted(options, TEXTS);
      const first = tokenizer.textsToPaddedSequences(TEXTS, { maxlen: 6 });
      expect(tokenizer.textsToPaddedSequences(TEXTS, { maxlen: 6 })).toEqual(first);
      expect(tokenizer.textsToSequences(TEXTS)).toEqual(fitted(options, TEXTS).textsToSequences(TEXTS));
    }
  });

  it('checks the options before any work, naming itself', () => {
    const tokenizer = fitted({}, TEXTS);
    expect(() => tokenizer.textsToPaddedSequences(TEXTS, { padding: 'middle' as 'pre' })).toThrow(
      /Tokenizer\.textsToPaddedSequences: padding/,
    );
    expect(() => tokenizer.textsToPaddedSequences(TEXTS, { maxlen: -1 })).toThrow(/maxlen/);
    expect(() => tokenizer.textsToPaddedSequences('text' as unknown as string[])).toThrow(TypeError);
    // The fit's record is still there and still right.
    expect(tokenizer.textsToPaddedSequences(TEXTS, { maxlen: 4 })).toEqual(
      padSequences(fitted({}, TEXTS).textsToSequences(TEXTS), { maxlen: 4 }),
    );
  });

  it('rejects a bad text like textsToSequences, and scans correctly afterwards', () => {
    const tokenizer = fitted({}, TEXTS);
    expect(() => tokenizer.textsToPaddedSequences([TEXTS[0], 42 as unknown as string])).toThrow(/texts\[1\]/);
    expect(tokenizer.textsToSequences(TEXTS)).toEqual(fitted({}, TEXTS).textsToSequences(TEXTS));
  });
});
