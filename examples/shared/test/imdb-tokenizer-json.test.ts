import { getWordIndex, loadImdb, loadImdbText } from '@tensorseq/datasets-imdb/node';
import { tokenizerFromJson } from '@tensorseq/text-vectorize';
import { describe, expect, it } from 'vitest';
import { IMDB_OOV_TOKEN, imdbTokenizerJson } from '../src/imdb/imdb-tokenizer-json';
import { shippedDataFile } from '../src/shipped-data-file';

const wordIndex = await getWordIndex({ source: shippedDataFile('imdb/imdb_word_index.json') });
const text = await loadImdbText({ source: shippedDataFile('imdb/aclImdb_sample500.tar.gz') });

/** loadImdb's ids for one review (a one-review split is not reordered by its shuffle). */
async function loadImdbIds(review: string, numWords: number): Promise<number[]> {
  const one = { texts: [review], labels: Int32Array.of(0), ids: Int32Array.of(0), ratings: Int32Array.of(1) };
  const { xTrain } = await loadImdb({
    text: { train: one, test: one },
    wordIndex,
    numWords,
    unknownWords: 'oov',
  });
  return xTrain[0];
}

describe('imdbTokenizerJson', () => {
  it("gives loadImdb's ids (after the start mark) for the 500 shipped reviews", async () => {
    const tokenizer = tokenizerFromJson(imdbTokenizerJson(wordIndex, { numWords: 10000 }));
    const reviews = [...text.train.texts, ...text.test.texts];
    const ours = tokenizer.textsToSequences(reviews);
    for (let i = 0; i < reviews.length; i++) {
      expect([1, ...ours[i]]).toEqual(await loadImdbIds(reviews[i], 10000));
    }
  });

  it('keeps only the numWords − 3 most frequent words and maps the rest to 2', () => {
    const tokenizer = tokenizerFromJson(imdbTokenizerJson(wordIndex, { numWords: 100 }));
    expect(tokenizer.wordIndex.get('the')).toBe(4);
    expect(tokenizer.wordIndex.get(IMDB_OOV_TOKEN)).toBe(2);
    expect(tokenizer.wordIndex.size).toBe(97);
    expect(tokenizer.textsToSequences(['The film, zzyzxq!'])).toEqual([[4, 22, 2]]);
  });

  it('refuses a vocabulary that leaves no word', () => {
    expect(() => imdbTokenizerJson(wordIndex, { numWords: 3 })).toThrow(
      'imdbTokenizerJson: numWords must be an integer > indexFrom (3). Received: numWords=3.',
    );
  });
});
