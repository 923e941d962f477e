import { describe, expect, it } from 'vitest';
import { Tokenizer, type TokenizerOptions, type TokenizerText } from '../src/index';

const TEXTS = [
  'The cat sat on the mat.',
  'The dog ate my homework!',
  'A cat, a dog; THE END',
  '',
  'mat mat mat cat',
];

/** textsToSequences right after a fit reuses the fit's token ids; a second call scans the texts again. */
function cachedAndScanned(
  options: TokenizerOptions,
  fitTexts: TokenizerText[],
  queryTexts: TokenizerText[],
): [number[][], number[][]] {
  const tokenizer = new Tokenizer(options);
  tokenizer.fitOnTexts(fitTexts);
  const first = tokenizer.textsToSequences(queryTexts);
  return [first, tokenizer.textsToSequences(queryTexts)];
}

function cachedIndex(options: TokenizerOptions): ReadonlyMap<string, number> {
  const tokenizer = new Tokenizer(options);
  tokenizer.fitOnTexts(TEXTS);
  return tokenizer.wordIndex;
}

describe('Tokenizer: fit then textsToSequences reuses the fit token ids', () => {
  it.each<[string, TokenizerOptions]>([
    ['defaults', {}],
    ['numWords', { numWords: 4 }],
    ['oovToken', { oovToken: '<oov>' }],
    ['numWords + oovToken', { numWords: 3, oovToken: '<oov>' }],
    ['oov token that occurs in the texts', { oovToken: 'cat' }],
    ['no lower-casing', { lower: false }],
  ])('gives the same sequences as scanning (%s)', (_, options) => {
    const [cached, scanned] = cachedAndScanned(options, TEXTS, TEXTS);
    expect(cached).toEqual(scanned);
  });

  it('scans texts that differ from the fitted ones, position by position', () => {
    const query = ['the mat sat', TEXTS[1], 'unknown words only', TEXTS[3], TEXTS[4], 'one more'];
    const [cached, scanned] = cachedAndScanned({ oovToken: '?' }, TEXTS, query);
    expect(cached).toEqual(scanned);
    const index = (w: string) => new Map(cachedIndex({ oovToken: '?' })).get(w);
    expect(cached[0]).toEqual([index('the'), index('mat'), index('sat')]);
  });

  it('scans when the fitted array was changed in place after the fit', () => {
    const texts = [...TEXTS];
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts(texts);
    texts[0] = 'dog dog';
    const dog = tokenizer.wordIndex.get('dog');
    expect(tokenizer.textsToSequences(texts)[0]).toEqual([dog, dog]);
  });

  it('maps the ids through the ranking of the latest fit (accumulating fits)', () => {
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts(TEXTS);
    tokenizer.fitOnTexts(['dog dog dog dog dog']);
    const cachedFromSecondFit = tokenizer.textsToSequences(['dog dog dog dog dog']);
    expect(cachedFromSecondFit).toEqual([[1, 1, 1, 1, 1]]);
    expect(tokenizer.textsToSequences(TEXTS)).toEqual(
      new Tokenizer()
        .textsToSequences([])
        .concat(cachedAndScanned({}, [...TEXTS, 'dog dog dog dog dog'], TEXTS)[1]),
    );
  });

  it('does not reuse ids across tokenizers with other options', () => {
    const a = new Tokenizer({ numWords: 3 });
    const b = new Tokenizer({ filters: '' });
    a.fitOnTexts(TEXTS);
    b.fitOnTexts(TEXTS);
    expect(b.textsToSequences(TEXTS)).toEqual(cachedAndScanned({ filters: '' }, TEXTS, TEXTS)[1]);
    expect(b.wordIndex.has('mat.')).toBe(true);
  });

  it('handles token lists and a generator fit (no ids recorded)', () => {
    const mixed: TokenizerText[] = [TEXTS[0], ['The', 'END'], TEXTS[2]];
    const [cached, scanned] = cachedAndScanned({}, mixed, mixed);
    expect(cached).toEqual(scanned);
    const fromGenerator = new Tokenizer();
    fromGenerator.fitOnTexts(
      (function* () {
        yield* TEXTS;
      })(),
    );
    expect(fromGenerator.textsToSequences(TEXTS)).toEqual(cachedAndScanned({}, TEXTS, TEXTS)[1]);
  });

  it('forgets the ids after fromJSON', () => {
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts(TEXTS);
    const restored = Tokenizer.fromJSON(tokenizer.toJSON());
    expect(restored.textsToSequences(TEXTS)).toEqual(tokenizer.textsToSequences(TEXTS));
  });
});
