import { describe, expect, it } from 'vitest';
import { Tokenizer, tokenizerFromJson } from '../src/index';

const SAMPLES = ['The cat sat on the mat.', 'The dog ate my homework.'];

describe('Tokenizer', () => {
  it('ranks words by count, ties in first-occurrence order', () => {
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts(['b a c', 'c b', 'c']);
    expect([...tokenizer.wordIndex]).toEqual([
      ['c', 1],
      ['b', 2],
      ['a', 3],
    ]);
    expect([...tokenizer.wordCounts]).toEqual([
      ['b', 2],
      ['a', 1],
      ['c', 3],
    ]);
    expect(tokenizer.wordDocs.get('c')).toBe(3);
    expect(tokenizer.indexDocs.get(2)).toBe(2);
    expect(tokenizer.documentCount).toBe(3);
  });

  it('keeps numWords - 1 words when transforming (Keras quirk)', () => {
    const tokenizer = new Tokenizer({ numWords: 3 });
    tokenizer.fitOnTexts(['c c c b b a']);
    expect(tokenizer.textsToSequences(['a b c'])).toEqual([[2, 1]]);
    expect(tokenizer.textsToMatrix(['a b c'], 'count').shape).toEqual([1, 3]);
  });

  it('treats __proto__, constructor and hasOwnProperty as ordinary words', () => {
    const texts = ['__proto__ constructor hasOwnProperty __proto__', 'toString valueOf __proto__'];
    const tokenizer = new Tokenizer({ filters: '' });
    tokenizer.fitOnTexts(texts);
    expect(tokenizer.wordIndex.get('__proto__')).toBe(1);
    expect(tokenizer.wordCounts.get('__proto__')).toBe(3);
    expect(tokenizer.wordDocs.get('constructor')).toBe(1);
    expect(tokenizer.textsToSequences(['hasOwnProperty __proto__'])).toEqual([[3, 1]]);
    const restored = Tokenizer.fromJSON(tokenizer.toJSON());
    expect([...restored.wordIndex]).toEqual([...tokenizer.wordIndex]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('fits a generator and an async iterable like the same array', async () => {
    const reference = new Tokenizer();
    reference.fitOnTexts(SAMPLES);
    function* lines() {
      yield* SAMPLES;
    }
    const streamed = new Tokenizer();
    streamed.fitOnTexts(lines());
    async function* asyncLines() {
      for (const line of SAMPLES) yield line;
    }
    const fromAsync = new Tokenizer();
    const pending = fromAsync.fitOnTexts(asyncLines());
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    for (const t of [streamed, fromAsync]) {
      expect([...t.wordIndex]).toEqual([...reference.wordIndex]);
      expect([...t.wordDocs]).toEqual([...reference.wordDocs]);
      expect(t.documentCount).toBe(2);
    }
  });

  it('counts plain texts, token lists and char-level texts alike in one fit', () => {
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts(['A b', ['B', 'c'], 'c, c']);
    expect([...tokenizer.wordCounts]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect([...tokenizer.wordDocs]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
    ]);
    const chars = new Tokenizer({ charLevel: true });
    chars.fitOnTexts(['ab', 'b😀']);
    expect([...chars.wordCounts]).toEqual([
      ['a', 1],
      ['b', 2],
      ['😀', 1],
    ]);
  });

  it('grows its statistics past the first thousand words', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts([words.join(' '), words.slice(0, 10).join(' ')]);
    expect(tokenizer.wordCounts.size).toBe(5000);
    expect(tokenizer.wordCounts.get('w4999')).toBe(1);
    expect(tokenizer.wordDocs.get('w9')).toBe(2);
    expect(tokenizer.wordIndex.get('w0')).toBe(1);
    expect(tokenizer.wordIndex.get('w10')).toBe(11);
  });

  it('accumulates over several fitOnTexts calls', () => {
    const once = new Tokenizer();
    once.fitOnTexts([...SAMPLES, 'the end']);
    const twice = new Tokenizer();
    twice.fitOnTexts(SAMPLES);
    twice.fitOnTexts(['the end']);
    expect([...twice.wordIndex]).toEqual([...once.wordIndex]);
    expect([...twice.indexDocs].sort()).toEqual([...once.indexDocs].sort());
  });

  it('returns typed matrices with a shape, freq dividing by the full length', () => {
    const tokenizer = new Tokenizer({ numWords: 3 });
    tokenizer.fitOnTexts(['a a b c']);
    const m = tokenizer.sequencesToMatrix([[1, 1, 2, 9]], 'freq', { dtype: 'float32' });
    expect(m.data).toBeInstanceOf(Float32Array);
    expect(m.shape).toEqual([1, 3]);
    expect(Array.from(m.data)).toEqual([0, 0.5, 0.25]);
  });

  it('computes tf-idf with Keras formula', () => {
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts(['a a b', 'b']);
    const m = tokenizer.textsToMatrix(['a a b'], 'tfidf');
    // a (index 1, first of the tie): c = 2, df = 1 → (1 + ln 2) · ln(1 + 2/2);
    // b (index 2): c = 1, df = 2 → 1 · ln(1 + 2/3).
    expect(m.data[1]).toBeCloseTo((1 + Math.log(2)) * Math.log(2), 12);
    expect(m.data[2]).toBeCloseTo(Math.log(1 + 2 / 3), 12);
  });

  it('fitOnSequences feeds document counts for tf-idf', () => {
    const tokenizer = new Tokenizer({ numWords: 4 });
    tokenizer.fitOnSequences([[1, 1, 2], [2]]);
    expect(tokenizer.documentCount).toBe(2);
    expect([...tokenizer.indexDocs]).toEqual([
      [1, 1],
      [2, 2],
    ]);
    const m = tokenizer.sequencesToMatrix([[2]], 'tfidf');
    expect(m.data[2]).toBeCloseTo(Math.log(1 + 2 / 3), 12);
  });

  it('sequencesToTexts maps unknown indices to the oov token', () => {
    const tokenizer = new Tokenizer({ oovToken: '<OOV>' });
    tokenizer.fitOnTexts(SAMPLES);
    expect(tokenizer.wordIndex.get('<OOV>')).toBe(1);
    expect(tokenizer.textsToSequences(['the unicorn'])).toEqual([[2, 1]]);
    expect(tokenizer.sequencesToTexts([[2, 0, 999, 3]])).toEqual(['the <OOV> <OOV> cat']);
  });
});

describe('Tokenizer generators and config', () => {
  it('yields the same rows lazily as the list methods', () => {
    const tokenizer = new Tokenizer({ oovToken: '<OOV>' });
    tokenizer.fitOnTexts(SAMPLES);
    const generator = tokenizer.textsToSequencesGenerator(['the cat', 'a dog']);
    expect(generator.next().value).toEqual([2, 3]);
    expect([...generator]).toEqual([[1, 7]]);
    expect([...tokenizer.sequencesToTextsGenerator([[2, 3]])]).toEqual(['the cat']);
  });

  it('getConfig returns the Keras get_config() fields, maps as JSON strings', () => {
    const tokenizer = new Tokenizer({ numWords: 5 });
    tokenizer.fitOnTexts(['b a b']);
    const config = tokenizer.getConfig();
    expect(Object.keys(config)).toEqual([
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
    ]);
    expect(config.num_words).toBe(5);
    expect(config.word_counts).toBe('{"b": 2, "a": 1}');
    expect(config.index_word).toBe('{"1": "b", "2": "a"}');
    expect(JSON.parse(tokenizer.toJSON()).config).toEqual(config);
  });
});

describe('Tokenizer bad input', () => {
  it.each([
    [{ numWords: -1 }, RangeError, 'Tokenizer: numWords must be a positive integer. Received: numWords=-1.'],
    [
      { numWords: Number.NaN },
      RangeError,
      'Tokenizer: numWords must be a positive integer. Received: numWords=NaN.',
    ],
    [
      { numWords: 2.5 },
      RangeError,
      'Tokenizer: numWords must be a positive integer. Received: numWords=2.5.',
    ],
    [
      { numWords: '10' },
      RangeError,
      'Tokenizer: numWords must be a positive integer. Received: numWords="10".',
    ],
    [{ split: '' }, RangeError, 'Tokenizer: split must be a non-empty string. Received: split="".'],
    [{ lower: 'yes' }, TypeError, 'Tokenizer: lower must be a boolean. Received: lower="yes".'],
    [{ oovToken: 1 }, TypeError, 'Tokenizer: oovToken must be a string. Received: oovToken=1.'],
  ])('rejects options %o', (options, ErrorType, message) => {
    expect(() => new Tokenizer(options as never)).toThrow(ErrorType);
    expect(() => new Tokenizer(options as never)).toThrow(message);
  });

  it('rejects non-string texts, naming the position', () => {
    const tokenizer = new Tokenizer();
    expect(() => tokenizer.fitOnTexts(['ok', 42] as never)).toThrow(
      'Tokenizer.fitOnTexts: texts[1] must be a string or an array of strings. Received: texts[1]=42.',
    );
    expect(() => tokenizer.fitOnTexts('just a string' as never)).toThrow(
      'Tokenizer.fitOnTexts: texts must be an iterable (not a string). Received: texts="just a string".',
    );
    expect(() => tokenizer.textsToSequences([null] as never)).toThrow(
      'Tokenizer.textsToSequences: texts[0] must be a string or an array of strings. Received: texts[0]=null.',
    );
  });

  it('rejects unknown modes before doing any work', () => {
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts(SAMPLES);
    expect(() => tokenizer.textsToMatrix(SAMPLES, 'tf-idf' as never)).toThrow(
      'Tokenizer.textsToMatrix: mode must be one of "binary", "count", "tfidf", "freq". Received: mode="tf-idf".',
    );
  });

  it("gives Keras' message for textsToMatrix before fitting", () => {
    expect(() => new Tokenizer().textsToMatrix(SAMPLES)).toThrow(
      'Tokenizer.textsToMatrix: Specify a dimension (numWords argument), or fit on some text data first.',
    );
    expect(() => new Tokenizer({ numWords: 5 }).sequencesToMatrix([[1]], 'tfidf')).toThrow(
      'Tokenizer.sequencesToMatrix: Fit the Tokenizer on some data before using tfidf mode.',
    );
  });

  it('rejects negative or fractional indices in sequencesToMatrix', () => {
    const tokenizer = new Tokenizer({ numWords: 5 });
    expect(() => tokenizer.sequencesToMatrix([[1, -2]])).toThrow(
      'Tokenizer.sequencesToMatrix: sequences[0][1] must be a non-negative integer. Received: sequences[0][1]=-2.',
    );
  });
});

describe('Tokenizer.fromJSON on malformed or hostile input', () => {
  const good = () => {
    const t = new Tokenizer();
    t.fitOnTexts(SAMPLES);
    return JSON.parse(t.toJSON());
  };
  const withConfig = (patch: Record<string, unknown>) => {
    const json = good();
    Object.assign(json.config, patch);
    return JSON.stringify(json);
  };

  it.each([
    ['not json {', SyntaxError, 'Tokenizer.fromJSON: json must be valid JSON. Received: json="not json {".'],
    ['[1, 2]', TypeError, 'Tokenizer.fromJSON: json must be a JSON object. Received: json=array(2).'],
    [
      '{"class_name": "Tokenizer"}',
      TypeError,
      'Tokenizer.fromJSON: config must be an object. Received: config=undefined.',
    ],
  ])('rejects %s', (json, ErrorType, message) => {
    expect(() => Tokenizer.fromJSON(json)).toThrow(ErrorType);
    expect(() => Tokenizer.fromJSON(json)).toThrow(message);
  });

  it('rejects a non-string argument', () => {
    expect(() => Tokenizer.fromJSON({} as never)).toThrow(
      'Tokenizer.fromJSON: json must be a JSON string. Received: json=[object].',
    );
  });

  it('rejects wrong field types and broken nested maps, naming the field', () => {
    expect(() => Tokenizer.fromJSON(withConfig({ num_words: -3 }))).toThrow(
      'Tokenizer.fromJSON: config.num_words must be null or an integer. Received: config.num_words=-3.',
    );
    expect(() => Tokenizer.fromJSON(withConfig({ word_counts: '{"a": 1,' }))).toThrow(
      /^Tokenizer\.fromJSON: config\.word_counts must be a JSON object string \(expected a string at offset 8\)\./,
    );
    expect(() => Tokenizer.fromJSON(withConfig({ word_counts: '{"a": "many"}' }))).toThrow(
      'Tokenizer.fromJSON: config.word_counts["a"] must be a valid entry. Received: config.word_counts["a"]="many".',
    );
    expect(() => Tokenizer.fromJSON(withConfig({ index_word: '{"x1": "a"}' }))).toThrow(
      'Tokenizer.fromJSON: config.index_word["x1"] must be a valid entry. Received: config.index_word["x1"]="a".',
    );
    expect(() => Tokenizer.fromJSON(withConfig({ word_docs: '{"zebra": 1}' }))).toThrow(
      'Tokenizer.fromJSON: config.word_docs must be keyed by words of word_counts. Received: config.word_docs="zebra".',
    );
  });

  it('keeps integer-like and prototype words in order', () => {
    const t = new Tokenizer({ filters: '' });
    t.fitOnTexts(['2024 __proto__ 7 constructor']);
    const restored = tokenizerFromJson(t.toJSON());
    expect([...restored.wordCounts.keys()]).toEqual(['2024', '__proto__', '7', 'constructor']);
    expect(restored.toJSON()).toBe(t.toJSON());
  });
});
