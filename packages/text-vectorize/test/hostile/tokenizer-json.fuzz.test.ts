// Property-based fuzzing of tokenizerFromJson / Tokenizer.fromJSON (issue #16). A fitted tokenizer's JSON
// round-trips exactly; damaged or hostile JSON gives a working tokenizer or a clear error naming the owner,
// never another error, a crash, a hang or prototype pollution.
import { fuzzParams } from '@tensorseq/test-utils/fuzz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Tokenizer, tokenizerFromJson } from '../../src/index';

const word = fc.constantFrom(
  'the',
  'cat',
  'sat',
  '__proto__',
  'constructor',
  'toString',
  'é',
  'a-b',
  'x1',
  'hasOwnProperty',
);
const text = fc.array(word, { maxLength: 8 }).map((w) => w.join(' '));
const fitted = fc
  .record({
    texts: fc.array(text, { minLength: 1, maxLength: 8 }),
    numWords: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    oovToken: fc.option(fc.constantFrom('<oov>', '__proto__'), { nil: undefined }),
    lower: fc.boolean(),
    charLevel: fc.boolean(),
  })
  .map(({ texts, ...options }) => {
    const tokenizer = new Tokenizer(options);
    tokenizer.fitOnTexts(texts);
    return { tokenizer, texts };
  });

const OWNER = /^(Tokenizer(\.[a-zA-Z]+)?|tokenizerFromJson): /;

/** Uses a loaded tokenizer the way a program would; errors must still be clear ones. */
function exercise(tokenizer: Tokenizer): void {
  const seqs = tokenizer.textsToSequences(['the cat sat', '__proto__ constructor']);
  tokenizer.sequencesToTexts(seqs);
  if ((tokenizer.numWords ?? 0) < 10_000) tokenizer.textsToMatrix(['the cat'], 'count');
}

function expectClear(error: unknown): void {
  const ok = error instanceof Error && OWNER.test(error.message);
  if (!ok) throw error;
}

describe('fuzz: tokenizer JSON', () => {
  it('round-trips a fitted tokenizer exactly', () => {
    fc.assert(
      fc.property(fitted, fc.array(text, { maxLength: 4 }), ({ tokenizer }, probe) => {
        const again = tokenizerFromJson(tokenizer.toJSON());
        expect(again.textsToSequences(probe)).toEqual(tokenizer.textsToSequences(probe));
        expect([...again.wordIndex]).toEqual([...tokenizer.wordIndex]);
        expect(again.toJSON()).toBe(tokenizer.toJSON());
      }),
      fuzzParams(200),
    );
  });

  it('loads damaged JSON text or rejects it clearly', () => {
    const edits = fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '0', '9', '-', 'e', '.', '\\', 'n', 'u', ' ', 'x'),
      ),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(fitted, edits, ({ tokenizer }, changes) => {
        const chars = [...tokenizer.toJSON()];
        for (const [at, ch] of changes) chars.splice(at % (chars.length + 1), 1, ch);
        try {
          exercise(Tokenizer.fromJSON(chars.join('')));
        } catch (error) {
          expectClear(error);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      fuzzParams(300),
    );
  });

  it('loads hostile config values or rejects them clearly', () => {
    const keys = fc.constantFrom(
      'num_words',
      'filters',
      'lower',
      'split',
      'char_level',
      'oov_token',
      'document_count',
      'word_counts',
      'word_docs',
      'index_docs',
      'index_word',
      'word_index',
    );
    const hostile = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
      fc.constantFrom(
        '{"__proto__": {"polluted": 1}}',
        '{"a": -1}',
        '{"a": 1e400}',
        '{"1": "a", "1.0": "b"}',
        1e308,
        -1,
        2 ** 53,
      ),
    );
    fc.assert(
      fc.property(fitted, keys, hostile, ({ tokenizer }, key, value) => {
        const outer = JSON.parse(tokenizer.toJSON()) as { config: Record<string, unknown> };
        outer.config[key] = value;
        try {
          exercise(tokenizerFromJson(JSON.stringify(outer)));
        } catch (error) {
          expectClear(error);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      fuzzParams(300),
    );
  });
});
