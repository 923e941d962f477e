import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fullDataFile, sampleFile } from '@tensorseq/test-utils/data';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getWordIndex, loadImdb, loadImdbText } from '../src/node';
import { REVIEWS, writeArchive, writeTree } from './fixtures';

const FULL_ARCHIVE = fullDataFile('aclImdb_labeled.tar.gz');
const FULL_WORD_INDEX = fullDataFile('imdb_word_index.json');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tensorseq-imdb-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('loadImdbText', () => {
  it('reads the archive: negatives then positives by id, with ids and ratings, ignoring the rest', async () => {
    const { train, test } = await loadImdbText({ source: writeArchive(dir) });
    expect(train.texts).toEqual([
      REVIEWS['train/neg/0_3.txt'],
      REVIEWS['train/neg/2_1.txt'],
      REVIEWS['train/pos/1_10.txt'],
      REVIEWS['train/pos/3_8.txt'],
    ]);
    expect([...train.labels]).toEqual([0, 0, 1, 1]);
    expect([...train.ids]).toEqual([0, 2, 1, 3]);
    expect([...train.ratings]).toEqual([3, 1, 10, 8]);
    expect(test.texts).toEqual([REVIEWS['test/neg/5_2.txt'], REVIEWS['test/pos/0_9.txt']]);
  });

  it('reads an extracted tree the same way', async () => {
    const fromArchive = await loadImdbText({ source: writeArchive(dir) });
    const tree = writeTree(join(dir, 'tree'));
    expect(await loadImdbText({ source: tree })).toEqual(fromArchive);
    expect(await loadImdbText({ source: join(tree, 'aclImdb') })).toEqual(fromArchive);
  });

  it('reads one split on request', async () => {
    const { train, test } = await loadImdbText({ source: writeArchive(dir), split: 'test' });
    expect(train.texts).toEqual([]);
    expect(test.texts.length).toBe(2);
  });

  it('finds the shared labeled archive under TENSORSEQ_DATA by its alternative name', async () => {
    const archive = writeArchive(dir);
    const { renameSync } = await import('node:fs');
    renameSync(archive, join(dir, 'aclImdb_labeled.tar.gz'));
    vi.stubEnv('TENSORSEQ_DATA', dir);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { train } = await loadImdbText({ cacheDir: join(dir, 'cache') });
    expect(train.texts.length).toBe(4);
    warn.mockRestore();
  });

  it('rejects a source without reviews, and a bad split', async () => {
    const empty = join(dir, 'empty');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(empty);
    await expect(loadImdbText({ source: empty })).rejects.toThrow(
      `loadImdbText: source must hold aclImdb reviews (train|test/pos|neg/<id>_<rating>.txt). Received: none in ${empty}.`,
    );
    await expect(loadImdbText({ source: empty, split: 'dev' as 'train' })).rejects.toThrow(
      'loadImdbText: split must be "train", "test" or "both". Received: split="dev".',
    );
  });
});

describe('the shipped 500-review sample of the real archive (data/imdb)', () => {
  it('reads 250 / 250 balanced reviews with consistent ratings and tokenizes them against the real word index', async () => {
    const text = await loadImdbText({ source: sampleFile('imdb/aclImdb_sample500.tar.gz') });
    for (const split of [text.train, text.test]) {
      expect(split.texts.length).toBe(250);
      expect(split.labels.reduce((a, b) => a + b, 0)).toBe(125);
      split.labels.forEach((label, i) => {
        if (label === 0) expect(split.ratings[i]).toBeLessThanOrEqual(4);
        else expect(split.ratings[i]).toBeGreaterThanOrEqual(7);
      });
    }
    const wordIndex = await getWordIndex({ source: sampleFile('imdb/imdb_word_index.json') });
    expect(wordIndex.size).toBe(88_584);
    const { coverage } = await loadImdb({ text, wordIndex, numWords: 10_000 });
    expect(coverage.share).toBeGreaterThan(0.98);
  });
});

describe.skipIf(!FULL_ARCHIVE.path || !FULL_WORD_INDEX.path)(
  'the full aclImdb archive ($TENSORSEQ_DATA)',
  () => {
    it('has 25,000 / 25,000 balanced reviews with consistent ratings; prints the word-index coverage', async () => {
      const text = await loadImdbText({ source: FULL_ARCHIVE.path });
      for (const split of [text.train, text.test]) {
        expect(split.texts.length).toBe(25_000);
        const positives = split.labels.reduce((a, b) => a + b, 0);
        expect(positives).toBe(12_500);
        split.labels.forEach((label, i) => {
          if (label === 0) expect(split.ratings[i]).toBeLessThanOrEqual(4);
          else expect(split.ratings[i]).toBeGreaterThanOrEqual(7);
        });
      }
      const wordIndex = await getWordIndex({ source: FULL_WORD_INDEX.path });
      const { xTrain, coverage } = await loadImdb({ text, wordIndex, numWords: 10_000 });
      const meanLength = xTrain.reduce((n, x) => n + x.length, 0) / xTrain.length;
      console.log(
        `IMDB tokenization vs Keras' word index: ${coverage.inIndex} of ${coverage.tokens} tokens found (${(100 * coverage.share).toFixed(2)}%); mean train length ${meanLength.toFixed(2)} (Keras imdb.npz: 238.71)`,
      );
      expect(coverage.share).toBeGreaterThan(0.98);
    }, 300_000);
  },
);
