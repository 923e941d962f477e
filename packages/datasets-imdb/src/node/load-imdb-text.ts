import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type DownloadProgress,
  type NodeByteSource,
  readTarGzEntries,
  resolveDataFile,
} from '@tensorseq/download/node';
import {
  checkSplit,
  type ImdbText,
  parseReviewPath,
  type Review,
  readArchiveReviews,
  type SplitChoice,
  toImdbText,
} from '../imdb-reviews';
import { IMDB_FILE_NAME, IMDB_LABELED_FILE_NAME, IMDB_SHA256, IMDB_URL } from '../imdb-source';
import { loadImdbText as loadUniversal } from '../load-imdb-text';

/** Options of the `./node` entry's {@link loadImdbText}. */
export interface NodeLoadImdbTextOptions {
  /**
   * `aclImdb_v1.tar.gz`, `aclImdb_labeled.tar.gz` or an extracted tree (the `aclImdb` folder or its
   * parent), as a path; or any source of the main entry (a `Response`, bytes, a stream).
   * @defaultValue `$TENSORSEQ_DATA/aclImdb_v1.tar.gz` (or `aclImdb_labeled.tar.gz`), else the official
   * archive, downloaded once into the cache and checksum-verified
   */
  source?: NodeByteSource;
  /** Cache folder for the download. @defaultValue defaultCacheDir() of `@tensorseq/download/node` */
  cacheDir?: string;
  /** Download progress. */
  onProgress?: (progress: DownloadProgress) => void;
  /** Which split to read. @defaultValue 'both' */
  split?: SplitChoice;
}

/**
 * `loadImdbText` of the main entry, plus paths, extracted trees, `$TENSORSEQ_DATA` and the official
 * archive downloaded once into the cache (sha256-checked).
 *
 * @param options - source, cache and split; see {@link NodeLoadImdbTextOptions}.
 * @returns `{ train, test }`, each `{ texts, labels, ids, ratings }` in a stable order.
 * @example
 * const { train, test } = await loadImdbText();
 * train.texts.length // → 25000
 */
export async function loadImdbText(options: NodeLoadImdbTextOptions = {}): Promise<ImdbText> {
  const split = checkSplit('loadImdbText', options.split);
  if (
    options.source !== undefined &&
    typeof options.source !== 'string' &&
    !(options.source instanceof URL)
  ) {
    return loadUniversal({ source: options.source, split });
  }
  const source = await resolveDataFile(IMDB_FILE_NAME, {
    source: options.source === undefined ? undefined : String(options.source),
    url: IMDB_URL,
    sha256: IMDB_SHA256,
    alternatives: [{ fileName: IMDB_LABELED_FILE_NAME }],
    cacheDir: options.cacheDir,
    onProgress: options.onProgress,
  });
  const wanted = (s: string) => split === 'both' || s === split;
  const reviews = (await stat(source)).isDirectory()
    ? await readTree(source, wanted)
    : await readArchiveReviews(readTarGzEntries, source, wanted);
  return toImdbText(reviews, source);
}
async function readTree(dir: string, wanted: (split: string) => boolean): Promise<Review[]> {
  const root = (await stat(join(dir, 'aclImdb')).catch(() => undefined))?.isDirectory()
    ? join(dir, 'aclImdb')
    : dir;
  const reviews: Review[] = [];
  for (const split of ['train', 'test']) {
    if (!wanted(split)) continue;
    for (const label of ['neg', 'pos']) {
      const folder = join(root, split, label);
      const names = await readdir(folder).catch(() => [] as string[]);
      const metas = names.map((name) => ({ name, meta: parseReviewPath(`${split}/${label}/${name}`) }));
      // Read in small parallel batches: fast on SSDs without opening 12,500 files at once.
      for (let i = 0; i < metas.length; i += 64) {
        const batch = metas.slice(i, i + 64);
        const texts = await Promise.all(
          batch.map(({ name, meta }) => (meta ? readFile(join(folder, name), 'utf8') : undefined)),
        );
        batch.forEach(({ meta }, k) => {
          const text = texts[k];
          if (meta && text !== undefined) reviews.push({ ...meta, text });
        });
      }
    }
  }
  return reviews;
}
