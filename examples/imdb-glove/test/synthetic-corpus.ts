import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Sentiment words of the positive reviews. */
export const POSITIVE = ['great', 'wonderful', 'moving', 'superb'];
export const NEGATIVE = ['awful', 'boring', 'dull', 'terrible'];
export const NEUTRAL = ['the', 'film', 'plot', 'actor', 'scene', 'was'];
/** Words that get a vector in the tiny GloVe file: some of each kind, plus one not in the corpus. */
export const WITH_VECTORS = ['great', 'awful', 'the', 'film', 'zebra'];
export const DIM = 4;

export interface SyntheticCorpus {
  root: string;
  glovePath: string;
  /** Reviews per split and label. */
  perLabel: number;
}

/**
 * Writes a tiny aclImdb tree (train/test × neg/pos, `<id>_<rating>.txt` files) whose labels follow
 * from the words, and a GloVe text file with a vector for a few of its words.
 */
export async function writeSyntheticCorpus(perLabel: number): Promise<SyntheticCorpus> {
  const root = await mkdtemp(join(tmpdir(), 'imdb-glove-'));
  // Words cycle through their lists, so any two reviews per label use every word.
  const review = (words: string[], id: number) =>
    Array.from({ length: 12 }, (_, i) =>
      i % 3 === 0 ? words[(id + i) % words.length] : NEUTRAL[(id + i) % NEUTRAL.length],
    ).join(' ');
  for (const split of ['train', 'test']) {
    for (const [label, words] of [
      ['neg', NEGATIVE],
      ['pos', POSITIVE],
    ] as const) {
      const dir = join(root, 'aclImdb', split, label);
      await mkdir(dir, { recursive: true });
      for (let id = 0; id < perLabel; id++) {
        await writeFile(join(dir, `${id}_${label === 'pos' ? 8 : 2}.txt`), `${review(words, id)}.`);
      }
    }
  }
  const glovePath = join(root, 'tiny-glove.txt');
  const lines = WITH_VECTORS.map(
    (w, i) => `${w} ${Array.from({ length: DIM }, (_, d) => (i + 1) * 0.1 + d).join(' ')}`,
  );
  await writeFile(glovePath, `${lines.join('\n')}\n`);
  return { root, glovePath, perLabel };
}
