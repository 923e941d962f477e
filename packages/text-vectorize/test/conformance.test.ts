/**
 * Keras parity: runs every case of conformance/text/*.json (produced by keras_preprocessing 1.1.2 itself;
 * `$TENSORSEQ_CONFORMANCE` overrides the folder) and logs how many were checked. Fails without the fixtures.
 */
import { loadConformance, reportChecked } from '@tensorseq/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import {
  hashingTrick,
  md5,
  type NDArray,
  type PadDtype,
  padSequences,
  Tokenizer,
  type TokenizerText,
  textToWordSequence,
  toHex,
} from '../src/index';
import { pyJsonString } from '../src/internal/python-json';

// biome-ignore lint/suspicious/noExplicitAny: fixture JSON is checked field by field below.
type Json = any;
const load = (name: string): Json => loadConformance(`text/${name}`);

const checked: Record<string, number> = {};
const tally = (file: string) => {
  checked[file] = (checked[file] ?? 0) + 1;
};
afterAll(() => {
  const total = Object.values(checked).reduce((a, b) => a + b, 0);
  reportChecked(`text conformance ${JSON.stringify(checked)}`, total);
});

interface Sparse {
  shape: [number, number];
  nonzero: Array<[number, number, number]>;
}

function expectMatrix(actual: NDArray, expected: Sparse, label: string): void {
  expect(actual.shape, label).toEqual(expected.shape);
  const width = expected.shape[1];
  const nonzero: Array<[number, number, number]> = [];
  actual.data.forEach((v, k) => {
    if (v !== 0) nonzero.push([Math.floor(k / width), k % width, v]);
  });
  expect(nonzero.length, label).toBe(expected.nonzero.length);
  nonzero.forEach(([r, c, v], k) => {
    const [er, ec, ev] = expected.nonzero[k];
    expect([r, c], label).toEqual([er, ec]);
    expect(Math.abs(v - ev), `${label} [${r}, ${c}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(ev)));
  });
}

function optionsOf(config: Json) {
  return {
    numWords: config.num_words,
    filters: config.filters,
    lower: config.lower,
    split: config.split,
    charLevel: config.char_level,
    oovToken: config.oov_token,
  };
}

const byKey = <K, V>(pairs: Iterable<readonly [K, V]>) =>
  [...pairs].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0));
const byIndex = <K, V>(pairs: Iterable<readonly [K, V]>, at: 0 | 1) =>
  [...pairs].sort((a, b) => Number(a[at]) - Number(b[at]));

function checkTokenizer(
  tokenizer: Tokenizer,
  expected: Json,
  transformTexts: TokenizerText[],
  matrixTexts: TokenizerText[],
  label: string,
) {
  expect(tokenizer.documentCount, label).toBe(expected.document_count);
  expect([...tokenizer.wordCounts], label).toEqual(expected.word_counts);
  expect(byKey(tokenizer.wordDocs), label).toEqual(byKey(expected.word_docs));
  expect(byIndex(tokenizer.wordIndex, 1), label).toEqual(byIndex(expected.word_index, 1));
  const indexWord = expected.index_word ?? expected.word_index.map(([w, i]: [string, number]) => [i, w]);
  expect(byIndex(tokenizer.indexWord, 0), label).toEqual(byIndex(indexWord, 0));
  expect(byIndex(tokenizer.indexDocs, 0), label).toEqual(byIndex(expected.index_docs, 0));
  expect(tokenizer.textsToSequences(transformTexts), label).toEqual(expected.texts_to_sequences);
  for (const [mode, sparse] of Object.entries(expected.texts_to_matrix)) {
    expectMatrix(
      tokenizer.textsToMatrix(matrixTexts, mode as never),
      sparse as Sparse,
      `${label} texts_to_matrix ${mode}`,
    );
  }
  const { input, output } = expected.sequences_to_texts;
  expect(tokenizer.sequencesToTexts(input), label).toEqual(output);
  const stm = expected.sequences_to_matrix;
  for (const mode of ['binary', 'count', 'tfidf', 'freq'] as const) {
    if (stm[mode])
      expectMatrix(tokenizer.sequencesToMatrix(stm.input, mode), stm[mode], `${label} seq_to_matrix ${mode}`);
  }
}

/** Byte-identical to Keras' to_json, except word_docs / index_docs whose key order is hash-seeded. */
function expectKerasJson(actual: string, expected: string, label: string) {
  const a = JSON.parse(actual).config;
  const e = JSON.parse(expected).config;
  for (const key of ['word_docs', 'index_docs']) {
    expect(JSON.parse(a[key]), `${label} ${key}`).toEqual(JSON.parse(e[key]));
  }
  let normalized = actual;
  for (const key of ['word_docs', 'index_docs']) {
    normalized = normalized.replace(`"${key}": ${pyJsonString(a[key])}`, `"${key}": ${pyJsonString(e[key])}`);
  }
  expect(normalized, label).toBe(expected);
}

describe('Keras conformance (keras_preprocessing 1.1.2)', () => {
  it('textToWordSequence matches text_to_word_sequence on every case', () => {
    const file = load('text_to_word_sequence.json');
    for (const c of file.cases) {
      expect(textToWordSequence(c.text, c.args), c.id).toEqual(c.expected);
      tally('text_to_word_sequence');
    }
  });

  it('hashingTrick (md5) matches hashing_trick on every case, md5 included', () => {
    const file = load('hashing_trick.json');
    for (const c of file.cases) {
      expect(c.hash_function).toBe('md5');
      expect(hashingTrick(c.text, c.n, { ...c.args, hash: 'md5' }), c.id).toEqual(c.expected);
      expect(
        textToWordSequence(c.text, c.args).map((w) => toHex(md5(w))),
        c.id,
      ).toEqual(c.md5_hex);
      tally('hashing_trick');
    }
  });

  it('padSequences matches pad_sequences on every case', () => {
    const file = load('pad_sequences.json');
    for (const c of file.cases) {
      const { maxlen, dtype, padding, truncating, value } = c.args;
      const options = { maxlen, dtype: dtype as PadDtype | undefined, padding, truncating, value };
      if (c.error) {
        expect(() => padSequences(c.sequences, options), c.id).toThrow(RangeError);
      } else {
        const out = padSequences(c.sequences, options);
        expect(out.shape, c.id).toEqual(c.expected.shape);
        expect(out.data.constructor.name, c.id).toBe(
          c.expected.dtype === 'int32' ? 'Int32Array' : 'Float32Array',
        );
        expect(Array.from(out.data), c.id).toEqual(c.expected.data.flat());
      }
      tally('pad_sequences');
    }
  });

  it('Tokenizer matches on every hand-written case, to_json and from_json included', () => {
    const file = load('tokenizer.json');
    for (const c of file.cases) {
      const tokenizer = new Tokenizer(optionsOf(c.config));
      tokenizer.fitOnTexts(c.fit_texts);
      const e = c.expected;
      expect(tokenizer.textsToSequences(c.fit_texts), c.id).toEqual(e.texts_to_sequences_fit);
      checkTokenizer(tokenizer, e, c.transform_texts, c.transform_texts, c.id);
      expectKerasJson(tokenizer.toJSON(), e.to_json, c.id);
      const restored = Tokenizer.fromJSON(e.to_json);
      checkTokenizer(restored, e, c.transform_texts, c.transform_texts, `${c.id} fromJSON`);
      tally('tokenizer');
    }
  });

  it('Tokenizer matches on every case of the 300 IMDB reviews', () => {
    const file = load('tokenizer_reviews.json');
    for (const c of file.cases) {
      const tokenizer = new Tokenizer(optionsOf(c.config));
      tokenizer.fitOnTexts(file.texts);
      const e = c.expected;
      if (e.texts_to_sequences_fit) {
        expect(tokenizer.textsToSequences(file.texts), c.id).toEqual(e.texts_to_sequences_fit);
      }
      checkTokenizer(tokenizer, e, file.transform_texts, file.matrix_texts, c.id);
      if (e.to_json) {
        expectKerasJson(tokenizer.toJSON(), e.to_json, c.id);
        checkTokenizer(
          Tokenizer.fromJSON(e.to_json),
          e,
          file.transform_texts,
          file.matrix_texts,
          `${c.id} fromJSON`,
        );
      }
      tally('tokenizer_reviews');
    }
  });
});
