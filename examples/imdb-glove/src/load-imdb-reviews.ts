import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readTarGzEntries, resolveDataFile } from '@tensorseq/download';

/** The official Large Movie Review Dataset archive. */
export const ACL_IMDB_URL = 'https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz';
const ACL_IMDB_SHA256 = 'c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe';
/** The labeled-only copy of the same archive kept in the shared data folder. */
const LABELED_COPY = {
  fileName: 'aclImdb_labeled.tar.gz',
  sha256: 'f36ec176e3e39d904adf557e938cc5f7709dc0d2ad2053ff062966d30d98459e',
};

/** One split of the reviews: texts and their labels (0 = negative, 1 = positive), aligned. */
export interface ReviewSplit {
  texts: string[];
  labels: Int32Array;
}

/** Options of {@link loadImdbReviews}. */
export interface LoadImdbReviewsOptions {
  /** An aclImdb folder (holding `train/` and `test/`, or an `aclImdb/` folder that does) or a `.tar.gz`. @defaultValue `$TENSORSEQ_DATA`, else the official download */
  source?: string;
}

const REVIEW = /(?:^|\/)(train|test)\/(neg|pos)\/([^/]+\.txt)$/;
const SPLITS = ['train', 'test'] as const;
const LABELS = ['neg', 'pos'] as const;

/**
 * Reads the labeled IMDB reviews, as listing 6.8 does: for each split, every negative review (label 0)
 * then every positive one (label 1), each folder in file-name order (`0_3.txt`, `1_1.txt`, … by review
 * id) so runs are reproducible; the book's `os.listdir` order is the file system's.
 *
 * This stands in for `@tensorseq/datasets-imdb`'s `loadImdbText`, not yet merged when this example was
 * written: it finds the data the same way (`source`, then `$TENSORSEQ_DATA`, then a cached download).
 *
 * @param options - where the reviews are.
 * @returns `{ train, test }`, 25,000 reviews each for the real data.
 * @example
 * const { train, test } = await loadImdbReviews();
 * train.texts.length; // → 25000; train.labels[0] → 0 (negatives first)
 */
export async function loadImdbReviews(
  options: LoadImdbReviewsOptions = {},
): Promise<{ train: ReviewSplit; test: ReviewSplit }> {
  const path = await resolveDataFile('aclImdb_v1.tar.gz', {
    source: options.source,
    url: ACL_IMDB_URL,
    sha256: ACL_IMDB_SHA256,
    alternatives: [LABELED_COPY],
  });
  const files = (await stat(path)).isDirectory() ? await readFolder(path) : await readArchive(path);
  return { train: toSplit(files, 'train'), test: toSplit(files, 'test') };
}

type ReviewFiles = Map<string, { name: string; text: string }[]>;

async function readArchive(archive: string): Promise<ReviewFiles> {
  const files: ReviewFiles = new Map();
  await readTarGzEntries(
    archive,
    (entry, content) => {
      addReview(files, entry.path, content.toString('utf8'));
    },
    { filter: (entry) => entry.type === 'file' && REVIEW.test(entry.path) },
  );
  return files;
}

async function readFolder(folder: string): Promise<ReviewFiles> {
  const root = (await isDirectory(join(folder, 'aclImdb'))) ? join(folder, 'aclImdb') : folder;
  const files: ReviewFiles = new Map();
  for (const split of SPLITS) {
    for (const label of LABELS) {
      const dir = join(root, split, label);
      if (!(await isDirectory(dir))) continue;
      for (const name of await readdir(dir)) {
        addReview(files, `${split}/${label}/${name}`, await readFile(join(dir, name), 'utf8'));
      }
    }
  }
  return files;
}

function addReview(files: ReviewFiles, path: string, text: string): void {
  const match = REVIEW.exec(path);
  if (!match) return;
  const key = `${match[1]}/${match[2]}`;
  const list = files.get(key) ?? [];
  list.push({ name: match[3], text });
  files.set(key, list);
}

function toSplit(files: ReviewFiles, split: (typeof SPLITS)[number]): ReviewSplit {
  const texts: string[] = [];
  const labels: number[] = [];
  LABELS.forEach((label, value) => {
    const reviews = [...(files.get(`${split}/${label}`) ?? [])].sort((a, b) => byReviewId(a.name, b.name));
    for (const review of reviews) {
      texts.push(review.text);
      labels.push(value);
    }
  });
  if (texts.length === 0) {
    throw new RangeError(
      `loadImdbReviews: source must hold ${split}/neg/*.txt and ${split}/pos/*.txt reviews. Received: no ${split} review.`,
    );
  }
  return { texts, labels: Int32Array.from(labels) };
}

/** `<id>_<rating>.txt` names, ordered by numeric id (then by name, for any other file). */
function byReviewId(a: string, b: string): number {
  return Number.parseInt(a, 10) - Number.parseInt(b, 10) || (a < b ? -1 : a > b ? 1 : 0);
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}
