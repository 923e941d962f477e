// Builds a tiny aclImdb archive and tree in a temp dir, with the parts a loader must ignore.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tarGz } from '../../download/test/archive-builders';

/** path inside aclImdb/ → review text. */
export const REVIEWS: Record<string, string> = {
  'train/pos/3_8.txt': 'The movie was great.<br /><br />Great!',
  'train/pos/1_10.txt': "It's great, the movie.",
  'train/neg/2_1.txt': 'Bad bad movie.',
  'train/neg/0_3.txt': 'The worst: zorblax.',
  'test/pos/0_9.txt': 'Great movie',
  'test/neg/5_2.txt': 'Was bad.',
};

const IGNORED: Record<string, string> = {
  'train/unsup/0_0.txt': 'unlabeled',
  'train/labeledBow.feat': '0:1 1:2',
  'train/urls_pos.txt': 'http://www.imdb.com/title/tt0453418/usercomments',
  README: 'Large Movie Review Dataset v1.0',
  'imdb.vocab': 'the\nand',
};

export const WORD_INDEX = { the: 1, movie: 2, great: 3, bad: 4, br: 5, "it's": 6, was: 7, worst: 8 };

/** The fixture archive's bytes (the same as {@link writeArchive} writes). */
export function archiveBytes(): Uint8Array {
  const entries = [
    { path: 'aclImdb/', type: '5' },
    ...Object.entries({ ...IGNORED, ...REVIEWS }).map(([path, content]) => ({
      path: `aclImdb/${path}`,
      content,
    })),
  ];
  return new Uint8Array(tarGz(entries));
}

export function writeArchive(dir: string): string {
  const path = join(dir, 'aclImdb_v1.tar.gz');
  writeFileSync(path, archiveBytes());
  return path;
}

export function writeTree(dir: string): string {
  for (const [path, content] of Object.entries({ ...IGNORED, ...REVIEWS })) {
    const full = join(dir, 'aclImdb', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

export function writeWordIndex(dir: string, index: unknown = WORD_INDEX): string {
  const path = join(dir, 'imdb_word_index.json');
  writeFileSync(path, JSON.stringify(index));
  return path;
}
