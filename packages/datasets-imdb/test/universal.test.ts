// The main entry reads the archive and the word index from a Response, a Blob or bytes: no file system.
import { describe, expect, it } from 'vitest';
import { getWordIndex, loadImdb, loadImdbText } from '../src/index';
import { archiveBytes, REVIEWS, WORD_INDEX } from './fixtures';

const json = () => new TextEncoder().encode(JSON.stringify(WORD_INDEX));

describe('datasets-imdb main entry (no file system)', () => {
  it('reads the reviews of a tar.gz Response and a Blob as the ./node entry reads the file', async () => {
    for (const source of [new Response(archiveBytes()), new Blob([archiveBytes()])]) {
      const { train, test } = await loadImdbText({ source });
      const count = (split: string) => Object.keys(REVIEWS).filter((p) => p.startsWith(split)).length;
      expect(train.texts.length).toBe(count('train'));
      expect(test.texts.length).toBe(count('test'));
      expect(train.texts).toContain(REVIEWS['train/pos/3_8.txt']);
    }
  });

  it('reads the word index from bytes and loadImdb from both sources', async () => {
    const index = await getWordIndex({ source: json() });
    expect(index.get('movie')).toBe(2);
    const { xTrain, yTrain } = await loadImdb({
      source: new Response(archiveBytes()),
      wordIndexSource: json(),
    });
    expect(xTrain.length).toBe(yTrain.length);
    expect(xTrain.every((x) => x[0] === 1)).toBe(true);
  });

  it('refuses a missing archive, a word index over maxBytes, and malformed JSON', async () => {
    await expect(loadImdbText()).rejects.toThrow(/datasets-imdb\/node/);
    await expect(getWordIndex({ source: json(), maxBytes: 10 })).rejects.toThrow(/maxBytes=10/);
    await expect(getWordIndex({ source: new TextEncoder().encode('[1]') })).rejects.toThrow(
      /JSON object of word → rank/,
    );
  });
});
