import { describe, expect, it } from 'vitest';
import { TextVectorizer } from '../src/index';

const SAMPLES = ['The cat sat on the mat.', 'The dog ate my homework.'];

describe('TextVectorizer', () => {
  it('breaks count ties by the token, descending (Keras lexsort), and caps at maxTokens', () => {
    const v = new TextVectorizer({ maxTokens: 6 });
    v.adapt(['b a c', 'c b', 'c d']);
    // c: 3, b: 2, then a and d tie at 1 → d before a; 6 - 2 special tokens = 4 learned.
    expect(v.getVocabulary()).toEqual(['', '[UNK]', 'c', 'b', 'd', 'a']);
    expect(v.vocabularySize()).toBe(6);
  });

  it('strips punctuation (apostrophe included) and lower-cases ASCII only, like TensorFlow', () => {
    const v = new TextVectorizer();
    expect(v.tokenize("Don't STOP, Élan!")).toEqual(['dont', 'stop', 'Élan']);
    expect(new TextVectorizer({ standardize: null, split: 'character' }).tokenize('a😀')).toEqual([
      'a',
      '😀',
    ]);
  });

  it('emits n-grams width by width', () => {
    const v = new TextVectorizer({ ngrams: 2 });
    expect(v.tokenize('a b c')).toEqual(['a', 'b', 'c', 'a b', 'b c']);
    expect(new TextVectorizer({ ngrams: [3] }).tokenize('a b c d')).toEqual(['a b c', 'b c d']);
  });

  it('int mode: 0 pads, 1 is OOV, rows padded or truncated at the end', () => {
    const v = new TextVectorizer({ outputSequenceLength: 3 });
    v.adapt(SAMPLES);
    const the = v.getVocabulary().indexOf('the');
    expect(the).toBe(2);
    const out = v.call(['the unicorn', 'the the the the']);
    expect(out.shape).toEqual([2, 3]);
    expect(Array.from(out.data)).toEqual([2, 1, 0, 2, 2, 2]);
  });

  it('int mode without outputSequenceLength pads to the longest row', () => {
    const v = new TextVectorizer({ vocabulary: ['a', 'b'] });
    const out = v.call(['a', 'b a zz']);
    expect(out.shape).toEqual([2, 3]);
    expect(Array.from(out.data)).toEqual([2, 0, 0, 3, 2, 1]);
  });

  it('multiHot and count put OOV in column 0', () => {
    const multi = new TextVectorizer({ outputMode: 'multiHot', vocabulary: ['a', 'b'] });
    expect(Array.from(multi.call(['a a zz']).data)).toEqual([1, 1, 0]);
    const count = new TextVectorizer({ outputMode: 'count', vocabulary: ['[UNK]', 'a', 'b'] });
    expect(Array.from(count.call(['a a zz b']).data)).toEqual([1, 2, 1]);
  });

  it('tfIdf: count × ln(1 + N / (1 + df)), OOV weighted by the mean idf', () => {
    const v = new TextVectorizer({ outputMode: 'tfIdf' });
    v.adapt(['a a b', 'a']);
    // Vocabulary: [UNK], a (count 3, df 2), b (count 1, df 1).
    expect(v.getVocabulary()).toEqual(['[UNK]', 'a', 'b']);
    const idfA = Math.fround(Math.log(1 + 2 / 3));
    const idfB = Math.fround(Math.log(1 + 2 / 2));
    const out = v.call(['a a b zz']);
    expect(out.data[1]).toBeCloseTo(2 * idfA, 6);
    expect(out.data[2]).toBeCloseTo(idfB, 6);
    expect(out.data[0]).toBeCloseTo((idfA + idfB) / 2, 6);
  });

  it('padToMaxTokens widens rows to maxTokens', () => {
    const v = new TextVectorizer({ outputMode: 'multiHot', maxTokens: 5, padToMaxTokens: true });
    v.adapt(['a b']);
    expect(v.call(['b']).shape).toEqual([1, 5]);
  });

  it('adapts from an async iterable', async () => {
    async function* texts() {
      yield* SAMPLES;
    }
    const v = new TextVectorizer();
    await v.adapt(texts());
    const sync = new TextVectorizer();
    sync.adapt(SAMPLES);
    expect(v.getVocabulary()).toEqual(sync.getVocabulary());
  });

  it('treats __proto__ as an ordinary token', () => {
    const v = new TextVectorizer({ standardize: null });
    v.adapt(['__proto__ constructor __proto__']);
    expect(v.getVocabulary()).toEqual(['', '[UNK]', '__proto__', 'constructor']);
    expect(Array.from(v.call(['constructor __proto__']).data)).toEqual([3, 2]);
  });
});

describe('TextVectorizer bad input', () => {
  it.each([
    [{ maxTokens: 1 }, 'TextVectorizer: maxTokens must be an integer >= 2. Received: maxTokens=1.'],
    [
      { outputMode: 'binary' },
      'TextVectorizer: outputMode must be one of "int", "multiHot", "count", "tfIdf". Received: outputMode="binary".',
    ],
    [
      { split: 'comma' },
      'TextVectorizer: split must be one of "whitespace", "character". Received: split="comma".',
    ],
    [{ ngrams: 0 }, 'TextVectorizer: ngrams must be a positive integer. Received: ngrams=0.'],
    [
      { outputMode: 'count', outputSequenceLength: 4 },
      'TextVectorizer: outputSequenceLength must be null unless outputMode is "int". Received: outputSequenceLength=4.',
    ],
    [
      { padToMaxTokens: true },
      'TextVectorizer: maxTokens must be set when padToMaxTokens is true. Received: maxTokens=null.',
    ],
  ])('rejects %o', (options, message) => {
    expect(() => new TextVectorizer(options as never)).toThrow(message);
  });

  it('rejects non-string texts and calls before a vocabulary in bag modes', () => {
    expect(() => new TextVectorizer().adapt(['ok', 3] as never)).toThrow(
      'TextVectorizer.adapt: texts[1] must be a string. Received: texts[1]=3.',
    );
    expect(() => new TextVectorizer({ outputMode: 'count' }).call(['a'])).toThrow(
      /^TextVectorizer\.call: a vocabulary must be set before calling/,
    );
  });

  it('requires one idf weight per vocabulary entry in tfIdf mode', () => {
    expect(
      () => new TextVectorizer({ outputMode: 'tfIdf', vocabulary: ['a', 'b'], idfWeights: [1] }),
    ).toThrow(
      'TextVectorizer: idfWeights must be 2 weights (one per vocabulary entry). Received: idfWeights=array(1).',
    );
  });
});

describe('TextVectorizer.setVocabulary with idf weights', () => {
  it('uses the given [UNK] weight, or the mean weight without special tokens', () => {
    const withUnk = new TextVectorizer({
      outputMode: 'tfIdf',
      vocabulary: ['[UNK]', 'a'],
      idfWeights: [0.5, 2],
    });
    expect(Array.from(withUnk.call(['a zz']).data)).toEqual([0.5, 2]);
    const plain = new TextVectorizer({ outputMode: 'tfIdf', vocabulary: ['a', 'b'], idfWeights: [1, 3] });
    expect(Array.from(plain.call(['a b zz']).data)).toEqual([2, 1, 3]);
  });
});
