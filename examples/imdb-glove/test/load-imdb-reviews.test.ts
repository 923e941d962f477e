import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImdbReviews } from '../src/load-imdb-reviews';

describe('loadImdbReviews', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'imdb-reviews-'));
    const files: Record<string, string> = {
      'train/pos/10_9.txt': 'pos ten',
      'train/pos/2_7.txt': 'pos two',
      'train/neg/1_1.txt': 'neg one',
      'test/neg/0_2.txt': 'test neg',
      'test/pos/0_8.txt': 'test pos',
      'train/unsup/0_0.txt': 'unlabeled',
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), text);
    }
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists negatives then positives, each by numeric review id, and skips unlabeled reviews', async () => {
    const { train, test } = await loadImdbReviews({ source: root });
    expect(train.texts).toEqual(['neg one', 'pos two', 'pos ten']);
    expect([...train.labels]).toEqual([0, 1, 1]);
    expect(test.texts).toEqual(['test neg', 'test pos']);
  });

  it('rejects a folder without reviews with an exact message', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'imdb-empty-'));
    await expect(loadImdbReviews({ source: empty })).rejects.toThrow(
      'loadImdbReviews: source must hold train/neg/*.txt and train/pos/*.txt reviews. Received: no train review.',
    );
    await rm(empty, { recursive: true, force: true });
  });
});
