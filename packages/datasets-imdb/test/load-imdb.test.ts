import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { textToWordSequence } from '@tensorseq/text-vectorize';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeReview, getWordIndex, type ImdbText, imdbTokenize, loadImdb } from '../src/node';
import { WORD_INDEX, writeArchive, writeWordIndex } from './fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tensorseq-imdb-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const wordIndex = new Map(Object.entries(WORD_INDEX));

/** One review per split, so the shuffle cannot reorder anything. */
function single(train: string, test = 'bad'): ImdbText {
  const split = (t: string, label: number) => ({
    texts: [t],
    labels: Int32Array.of(label),
    ids: Int32Array.of(0),
    ratings: Int32Array.of(label ? 9 : 2),
  });
  return { train: split(train, 1), test: split(test, 0) };
}

describe('loadImdb', () => {
  // "The movie was great.<br />" → the(1) movie(2) was(7) great(3) br(5) → +3 → [1, 4, 5, 10, 6, 8]
  const review = 'The movie was great.<br />';

  it('shifts ranks by indexFrom and prepends startChar', async () => {
    const { xTrain, xTest } = await loadImdb({ text: single(review), wordIndex, numWords: 100 });
    expect(xTrain).toEqual([[1, 4, 5, 10, 6, 8]]);
    expect(xTest).toEqual([[1, 7]]);
  });

  it('defaults numWords to the largest index, which `w < numWords` then cuts (Keras quirk)', async () => {
    const { xTrain } = await loadImdb({ text: single(review), wordIndex });
    expect(xTrain).toEqual([[1, 4, 5, 2, 6, 8]]);
  });

  it('maps indices at or above numWords to oovChar', async () => {
    const { xTrain } = await loadImdb({ text: single(review), wordIndex, numWords: 7 });
    expect(xTrain).toEqual([[1, 4, 5, 2, 6, 2]]);
  });

  it('maps indices below skipTop to oovChar, the start mark included (as Keras does)', async () => {
    const { xTrain } = await loadImdb({ text: single(review), wordIndex, skipTop: 5, numWords: 100 });
    expect(xTrain).toEqual([[2, 2, 5, 10, 6, 8]]);
  });

  it('drops cut words when oovChar is null', async () => {
    const { xTrain } = await loadImdb({ text: single(review), wordIndex, numWords: 7, oovChar: null });
    expect(xTrain).toEqual([[1, 4, 5, 6]]);
  });

  it('honours startChar null and another indexFrom', async () => {
    const { xTrain } = await loadImdb({
      text: single(review),
      wordIndex,
      startChar: null,
      indexFrom: 0,
      numWords: 100,
    });
    expect(xTrain).toEqual([[1, 2, 7, 3, 5]]);
  });

  it('skips words missing from the index, or maps them to oovChar on request', async () => {
    const text = single('the zorblax movie');
    expect((await loadImdb({ text, wordIndex })).xTrain).toEqual([[1, 4, 5]]);
    expect((await loadImdb({ text, wordIndex, unknownWords: 'oov' })).xTrain).toEqual([[1, 4, 2, 5]]);
    const { coverage } = await loadImdb({ text, wordIndex });
    expect(coverage).toEqual({ tokens: 4, inIndex: 3, share: 0.75 });
  });

  it('filters out (never truncates) sequences of maxlen or more', async () => {
    const text = single(review);
    text.train.texts.push('great movie');
    text.train.labels = Int32Array.of(1, 0);
    const { xTrain, yTrain } = await loadImdb({ text, wordIndex, maxlen: 6 });
    expect(xTrain).toEqual([[1, 6, 5]]);
    expect([...yTrain]).toEqual([0]);
    await expect(loadImdb({ text, wordIndex, maxlen: 2 })).rejects.toThrow(
      'loadImdb: maxlen must leave at least one review in each split. Received: maxlen=2.',
    );
  });

  it('shuffles each split reproducibly under a seed, keeping labels with their reviews', async () => {
    const words = [...wordIndex.keys()];
    const texts = words.flatMap((a) => words.map((b) => `${a} ${b}`));
    const labels = Int32Array.from(texts, (_, i) => i % 2);
    const split = {
      texts,
      labels,
      ids: Int32Array.from(texts, (_, i) => i),
      ratings: Int32Array.from(texts, () => 5),
    };
    const text = { train: split, test: split };
    const a = await loadImdb({ text, wordIndex, seed: 1, numWords: 100 });
    expect((await loadImdb({ text, wordIndex, seed: 1, numWords: 100 })).xTrain).toEqual(a.xTrain);
    expect((await loadImdb({ text, wordIndex, seed: 2, numWords: 100 })).xTrain).not.toEqual(a.xTrain);
    expect(a.xTest).not.toEqual(a.xTrain); // train and test draw from one generator, like Keras
    a.xTrain.forEach((x, i) => {
      const original = texts.indexOf(decodeReview(x.slice(1), wordIndex));
      expect(a.yTrain[i]).toBe(labels[original]);
    });
  });

  it('reads the archive and word index from disk', async () => {
    const { xTrain, yTrain } = await loadImdb({
      source: writeArchive(dir),
      wordIndexSource: writeWordIndex(dir),
      seed: 3,
    });
    expect(xTrain.length).toBe(4);
    expect([...yTrain].sort()).toEqual([0, 0, 1, 1]);
  });

  it('validates its arguments', async () => {
    await expect(loadImdb({ text: single(review), wordIndex, numWords: 0 })).rejects.toThrow(
      'loadImdb: numWords must be a positive integer. Received: numWords=0.',
    );
    await expect(
      loadImdb({ text: single(review), wordIndex, oovChar: null, unknownWords: 'oov' }),
    ).rejects.toThrow(
      'loadImdb: oovChar must be a number when unknownWords is "oov". Received: oovChar=null.',
    );
  });
});

describe('imdbTokenize', () => {
  it.each(["It's great.<br /><br />10/10", 'Mr. Smith-Jones (1999) said: "wow!!!"\tthen\nleft… ÉTÉ', ''])(
    'equals Keras text_to_word_sequence with defaults: %j',
    (text) => {
      expect(imdbTokenize(text)).toEqual(textToWordSequence(text));
    },
  );
});

describe('getWordIndex and decodeReview', () => {
  it('reads the index into a Map and decodes like the book', async () => {
    const index = await getWordIndex({ source: writeWordIndex(dir) });
    expect(index).toEqual(wordIndex);
    expect(decodeReview([1, 4, 5, 10, 99], index)).toBe('? the movie was ?');
  });

  it('rejects a malformed index naming the file', async () => {
    const path = writeWordIndex(dir, { the: 0 });
    await expect(getWordIndex({ source: path })).rejects.toThrow(
      `getWordIndex: every rank must be a positive integer. Received: "the"=0 in ${path}.`,
    );
  });
});
