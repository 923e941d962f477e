import { afterEach, describe, expect, it } from 'vitest';
import { Tokenizer, type TokenizerOptions, type TokenizerText } from '../src/index';
import {
  countedByWorker,
  countTextsInParallel,
  setWorkerChunks,
  setWorkerMinimumChars,
} from '../src/internal/count-in-worker';
import { countTexts } from '../src/internal/count-texts';
import { hashRange } from '../src/internal/string-hash';

const TEXTS = [
  'The cat sat on the mat.',
  'The dog ate my homework!',
  'A cat, a dog; THE END',
  '',
  'Ünïcode wörds, émojis 😀 and a very-long-word-that-is-longer-than-twelve-units',
  'mat mat mat cat dog zebra',
  'zebra yak',
];

const SEPARATORS = new Uint8Array(0x10000);
for (const c of '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n ') SEPARATORS[c.charCodeAt(0)] = 1;

function fitted(options: TokenizerOptions, texts: TokenizerText[]): Tokenizer {
  const tokenizer = new Tokenizer(options);
  tokenizer.fitOnTexts(texts);
  return tokenizer;
}

function snapshot(tokenizer: Tokenizer, texts: TokenizerText[]) {
  return {
    json: tokenizer.toJSON(),
    counts: [...tokenizer.wordCounts],
    sequences: tokenizer.textsToSequences(texts),
  };
}

describe('Tokenizer.fitOnTexts on a worker thread (Node)', () => {
  let previous = Number.POSITIVE_INFINITY;
  let previousChunks: [number, number] = [256, Number.POSITIVE_INFINITY];
  afterEach(() => {
    setWorkerMinimumChars(previous);
    setWorkerChunks(...previousChunks);
  });

  /** The texts of each run, in order, counted on one thread: what the runs must equal. */
  function expectRunsInTextOrder(texts: string[], runs: ReturnType<typeof countTextsInParallel>): void {
    let at = 0;
    for (const run of runs) {
      const n = run.starts.length - 1;
      expect(run.words).toEqual(countTexts(texts.slice(at, at + n), SEPARATORS, true).words);
      at += n;
    }
    expect(at).toBe(texts.length);
  }

  it.each<[string, number, number]>([
    ['the worker counts all of its part', 256, 0],
    ['the calling thread takes back the last chunk', 1, 1],
    ['the calling thread takes back what the worker has not reached', 1, Number.POSITIVE_INFINITY],
  ])(
    'gives exactly what one thread gives: counts, order, index, JSON and cached sequences (%s)',
    (_, chunk, takes) => {
      const texts = [...TEXTS, ...TEXTS.map((t) => t.toUpperCase()), 'tail words only here'];
      for (const options of [
        {},
        { numWords: 5, oovToken: '<oov>' },
        { lower: false },
      ] as TokenizerOptions[]) {
        previous = setWorkerMinimumChars(Number.POSITIVE_INFINITY);
        const single = snapshot(fitted(options, texts), texts);
        setWorkerMinimumChars(1);
        previousChunks = setWorkerChunks(chunk, takes);
        const threaded = snapshot(fitted(options, texts), texts);
        expect(threaded).toEqual(single);
      }
    },
  );

  it('really counts the last part in a worker and returns two runs in text order', () => {
    previous = setWorkerMinimumChars(1);
    previousChunks = setWorkerChunks(256, 0);
    const before = countedByWorker();
    const runs = countTextsInParallel(TEXTS, SEPARATORS, true);
    expect(countedByWorker()).toBe(before + 1);
    expect(runs.length).toBe(2);
    expect(runs[0].starts.length - 1).toBeGreaterThan(0);
    expectRunsInTextOrder(TEXTS, runs);
  });

  it('shares the worker part by chunks: the worker the first, the calling thread the last', () => {
    previous = setWorkerMinimumChars(1);
    previousChunks = setWorkerChunks(1, 2);
    const texts = [...TEXTS, ...TEXTS.map((t) => t.toUpperCase())];
    const before = countedByWorker();
    const runs = countTextsInParallel(texts, SEPARATORS, true);
    expect(countedByWorker()).toBe(before + 1);
    // The calling thread's part, the worker's run, and up to two single texts taken back.
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(4);
    expectRunsInTextOrder(texts, runs);
  });

  it('counts everything on the calling thread when it took back every chunk', () => {
    previous = setWorkerMinimumChars(1);
    previousChunks = setWorkerChunks(1, Number.POSITIVE_INFINITY);
    expectRunsInTextOrder(TEXTS, countTextsInParallel(TEXTS, SEPARATORS, true));
  });

  it('takes chunks back in groups of up to eight, each counted as one run', () => {
    previous = setWorkerMinimumChars(1);
    previousChunks = setWorkerChunks(1, Number.POSITIVE_INFINITY);
    const texts = Array.from({ length: 6 }, (_, k) => TEXTS.map((t) => `${t} w${k}`)).flat();
    const runs = countTextsInParallel(texts, SEPARATORS, true);
    // The calling thread's own part, maybe the worker's run, then groups of at most eight texts.
    const groups = runs.slice(1).filter((run) => run.starts.length - 1 <= 8);
    expect(groups.length).toBeGreaterThan(0);
    expect(runs.length).toBeLessThanOrEqual(2 + Math.ceil(texts.length / 8));
    expectRunsInTextOrder(texts, runs);
  });

  it('accumulates over fits like one thread', () => {
    previous = setWorkerMinimumChars(1);
    const tokenizer = fitted({}, TEXTS);
    tokenizer.fitOnTexts(['zebra zebra zebra new', 'yak']);
    setWorkerMinimumChars(Number.POSITIVE_INFINITY);
    const reference = fitted({}, TEXTS);
    reference.fitOnTexts(['zebra zebra zebra new', 'yak']);
    expect(tokenizer.toJSON()).toEqual(reference.toJSON());
  });
});

describe('countTexts', () => {
  it('hashes every word exactly like the vocabulary (hashRange)', () => {
    const { words, hashes } = countTexts(TEXTS, SEPARATORS, true);
    expect(words.length).toBeGreaterThan(10);
    words.forEach((word, j) => {
      expect(hashes[j]).toBe(hashRange(word, 0, word.length));
    });
  });

  it('grows its table, records and ids past their first sizes', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    const texts = [words.join(' '), words.slice().reverse().join(' ')];
    const counted = countTexts(texts, SEPARATORS, true);
    expect(counted.words).toEqual(words);
    expect([...new Set(counted.counts)]).toEqual([2]);
    expect([...new Set(counted.docs)]).toEqual([2]);
    expect(counted.ids.length).toBe(10000);
    expect(Array.from(counted.starts)).toEqual([0, 5000, 10000]);
  });

  it("keeps each word's counts and documents across table growths (against a Map count)", () => {
    // Words repeat with different frequencies over many texts, so counts differ when the table grows.
    const texts = Array.from({ length: 60 }, (_, t) =>
      Array.from({ length: 200 }, (_, k) => `W${(t * 37 + k * k) % 3001}`).join(' '),
    );
    const counts = new Map<string, number>();
    const docs = new Map<string, number>();
    for (const text of texts) {
      const words = text.toLowerCase().split(' ');
      for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
      for (const w of new Set(words)) docs.set(w, (docs.get(w) ?? 0) + 1);
    }
    const counted = countTexts(texts, SEPARATORS, true);
    expect(counted.words).toEqual([...counts.keys()]);
    expect(Array.from(counted.counts)).toEqual([...counts.values()]);
    expect(Array.from(counted.docs)).toEqual(counted.words.map((w) => docs.get(w)));
    expect(Array.from(counted.ids, (id) => counted.words[id]).join(' ')).toBe(texts.join(' ').toLowerCase());
  });
});
