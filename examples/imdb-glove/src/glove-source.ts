import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GloveRelease, VectorSource } from '@tensorseq/embeddings';

/** The head of glove.6B.100d.txt kept in some data folders (and shipped in the repository's data/): its 2,717 most frequent words only. */
export const GLOVE_HEAD_FILE = join('embeddings', 'glove.6B.100d.top2717.txt');

/** The full vectors, as `loadGlove({ dims: 100 })` looks for them in a data folder. */
const FULL_GLOVE_FILES = ['glove.6B.zip', 'glove.6B.100d.txt'];

/**
 * Where the 100-d GloVe vectors come from: the full `glove.6B.100d.txt` (out of the official
 * `glove.6B.zip`) when the data folder has either; else the 2,717-word head when it has that
 * (offline builds); else the full file again, which `loadGlove` downloads once (822 MB) into the cache.
 *
 * @param dataDir - the data folder, if any (see `defaultDataDir`).
 * @returns a path, or the `{ dims: 100 }` release for `loadGlove`.
 * @example
 * defaultGloveSource('/data'); // → '/data/embeddings/glove.6B.100d.top2717.txt'
 * defaultGloveSource(undefined); // → { dims: 100 }
 */
export function defaultGloveSource(dataDir: string | undefined): VectorSource | GloveRelease {
  const has = (file: string) => dataDir !== undefined && existsSync(join(dataDir, file));
  if (!FULL_GLOVE_FILES.some(has) && has(GLOVE_HEAD_FILE)) return join(dataDir as string, GLOVE_HEAD_FILE);
  return { dims: 100 };
}
