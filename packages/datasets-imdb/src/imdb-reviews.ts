import type { ByteSource, ReadTarGzEntriesOptions, TarEntry } from '@tensorseq/download';

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

/** What `loadImdbText` returns; a split not requested is empty. */
export interface ImdbText {
  train: ImdbSplit;
  test: ImdbSplit;
}

/** One review with where it came from. */
export interface Review {
  split: 'train' | 'test';
  label: number;
  id: number;
  rating: number;
  text: string;
}

/** Which splits to read. */
export type SplitChoice = 'train' | 'test' | 'both';

const REVIEW_PATH = /(?:^|\/)(train|test)\/(pos|neg)\/(\d+)_(\d+)\.txt$/;

/**
 * Checks the `split` option.
 *
 * @example
 * checkSplit('loadImdbText', undefined) // → 'both'
 */
export function checkSplit(owner: string, split: SplitChoice = 'both'): SplitChoice {
  if (split !== 'train' && split !== 'test' && split !== 'both') {
    throw new TypeError(
      `${owner}: split must be "train", "test" or "both". Received: split=${JSON.stringify(split)}.`,
    );
  }
  return split;
}

/**
 * Split, label, id and rating of a review's path (`…/train/pos/123_8.txt`), or undefined for other files.
 *
 * @example
 * parseReviewPath('aclImdb/train/pos/12_9.txt') // → { split: 'train', label: 1, id: 12, rating: 9 }
 */
export function parseReviewPath(path: string): Omit<Review, 'text'> | undefined {
  const match = REVIEW_PATH.exec(path);
  if (!match) return undefined;
  return {
    split: match[1] as 'train' | 'test',
    label: match[2] === 'pos' ? 1 : 0,
    id: Number(match[3]),
    rating: Number(match[4]),
  };
}

/** The tar.gz reader of either entry: the main entry's takes bytes, the `./node` one paths too. */
export type TarGzReader<Source> = (
  source: Source,
  onEntry: (entry: TarEntry, content: Uint8Array) => void,
  options: ReadTarGzEntriesOptions,
) => Promise<void>;

/**
 * The reviews of an `aclImdb` tar.gz, read with `read` (a review above 1 MiB is refused as hostile).
 *
 * @example
 * const reviews = await readArchiveReviews(readTarGzEntries, await fetch(url), (s) => s === 'train');
 */
export async function readArchiveReviews<Source = ByteSource>(
  read: TarGzReader<Source>,
  archive: Source,
  wanted: (split: string) => boolean,
): Promise<Review[]> {
  const reviews: Review[] = [];
  const decoder = new TextDecoder();
  await read(
    archive,
    (entry, content) => {
      const meta = parseReviewPath(entry.path);
      if (meta) reviews.push({ ...meta, text: decoder.decode(content) });
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

/**
 * Both splits of some reviews, each in the stable order; fails when there are none.
 *
 * @example
 * const { train, test } = toImdbText(reviews, 'aclImdb_v1.tar.gz');
 */
export function toImdbText(reviews: Review[], where: string): ImdbText {
  if (reviews.length === 0) {
    throw new Error(
      `loadImdbText: source must hold aclImdb reviews (train|test/pos|neg/<id>_<rating>.txt). Received: none in ${where}.`,
    );
  }
  return { train: toSplit(reviews, 'train'), test: toSplit(reviews, 'test') };
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
