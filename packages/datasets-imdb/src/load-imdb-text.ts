import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type DownloadProgress, readTarGzEntries, resolveDataFile } from '@tensorseq/download';
import { IMDB_FILE_NAME, IMDB_LABELED_FILE_NAME, IMDB_SHA256, IMDB_URL } from './imdb-source';

/** One split of the dataset, in a stable order: negative reviews, then positive, each by ascending id. */
export interface ImdbSplit {
  texts: string[];
  /** 0 = negative, 1 = positive. */
  labels: Int32Array;
  /** The review id (`<id>_<rating>.txt`), unique within a split and label. */
  ids: Int32Array;
  /** The IMDB rating out of 10 (≤ 4 for negative, ≥ 7 for positive reviews). */
  ratings: Int32Array;
}

/** What {@link loadImdbText} returns; a split not requested is empty. */
export interface ImdbText {
  train: ImdbSplit;
  test: ImdbSplit;
}

/** Options of {@link loadImdbText}. */
export interface LoadImdbTextOptions {
  /**
   * `aclImdb_v1.tar.gz`, `aclImdb_labeled.tar.gz` or an extracted tree (the `aclImdb` folder or its parent).
   * @defaultValue `$TENSORSEQ_DATA/aclImdb_v1.tar.gz` (or `aclImdb_labeled.tar.gz`), else the official
   * archive, downloaded once into the cache and checksum-verified
   */
  source?: string;
  /** Cache folder for the download. @defaultValue defaultCacheDir() of `@tensorseq/download` */
  cacheDir?: string;
  /** Download progress. */
  onProgress?: (progress: DownloadProgress) => void;
  /** Which split to read. @defaultValue 'both' */
  split?: 'train' | 'test' | 'both';
}

interface Review {
  split: 'train' | 'test';
  label: number;
  id: number;
  rating: number;
  text: string;
}

const REVIEW_PATH = /(?:^|\/)(train|test)\/(pos|neg)\/(\d+)_(\d+)\.txt$/;

/**
 * Loads the raw IMDB reviews with their labels, ids and ratings, as the book's section 6.1.3 reads the
 * `aclImdb` folders. The archive is streamed (gunzip + tar parse in memory, nothing extracted); `unsup/`,
 * the `.feat` files and everything else are skipped.
 *
 * @param options - source, cache, progress, split; see {@link LoadImdbTextOptions}.
 * @returns `{ train, test }`, each `{ texts, labels, ids, ratings }` (negatives first, then positives,
 * by ascending id).
 * @throws Error when the source holds no review, or a download or archive error.
 * @example
 * const { train, test } = await loadImdbText();
 * train.texts.length // → 25000
 * train.labels[0] // → 0 (negatives come first)
 */
export async function loadImdbText(options: LoadImdbTextOptions = {}): Promise<ImdbText> {
  const { split = 'both' } = options;
  if (split !== 'train' && split !== 'test' && split !== 'both') {
    throw new TypeError(
      `loadImdbText: split must be "train", "test" or "both". Received: split=${JSON.stringify(split)}.`,
    );
  }
  const source = await resolveDataFile(IMDB_FILE_NAME, {
    source: options.source,
    url: IMDB_URL,
    sha256: IMDB_SHA256,
    alternatives: [{ fileName: IMDB_LABELED_FILE_NAME }],
    cacheDir: options.cacheDir,
    onProgress: options.onProgress,
  });
  const wanted = (s: string) => split === 'both' || s === split;
  const reviews = (await stat(source)).isDirectory()
    ? await readTree(source, wanted)
    : await readArchive(source, wanted);
  if (reviews.length === 0) {
    throw new Error(
      `loadImdbText: source must hold aclImdb reviews (train|test/pos|neg/<id>_<rating>.txt). Received: none in ${source}.`,
    );
  }
  return { train: toSplit(reviews, 'train'), test: toSplit(reviews, 'test') };
}

function parseReviewPath(path: string): Omit<Review, 'text'> | undefined {
  const match = REVIEW_PATH.exec(path);
  if (!match) return undefined;
  return {
    split: match[1] as 'train' | 'test',
    label: match[2] === 'pos' ? 1 : 0,
    id: Number(match[3]),
    rating: Number(match[4]),
  };
}

async function readArchive(archive: string, wanted: (split: string) => boolean): Promise<Review[]> {
  const reviews: Review[] = [];
  await readTarGzEntries(
    archive,
    (entry, content) => {
      const meta = parseReviewPath(entry.path);
      if (meta) reviews.push({ ...meta, text: content.toString('utf8') });
    },
    {
      filter: (entry) => {
        if (entry.type !== 'file') return false;
        const meta = parseReviewPath(entry.path);
        return meta !== undefined && wanted(meta.split);
      },
      maxEntryBytes: 1 << 20,
    },
  );
  return reviews;
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

function toSplit(reviews: Review[], split: 'train' | 'test'): ImdbSplit {
  const chosen = reviews.filter((r) => r.split === split).sort((a, b) => a.label - b.label || a.id - b.id);
  return {
    texts: chosen.map((r) => r.text),
    labels: Int32Array.from(chosen, (r) => r.label),
    ids: Int32Array.from(chosen, (r) => r.id),
    ratings: Int32Array.from(chosen, (r) => r.rating),
  };
}
