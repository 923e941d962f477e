import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DownloadError } from '../download-error';
import type { DownloadProgress } from './download';
import { download } from './download';
import { sha256File } from './sha256-file';

/** Another accepted name for a data file (for example a trimmed copy of the official archive). */
export interface DataFileAlternative {
  /** File name looked up in `$TENSORSEQ_DATA`. */
  fileName: string;
  /** Its own expected sha256, if known; a mismatch only warns. */
  sha256?: string;
}

/** Options of {@link resolveDataFile}. */
export interface ResolveDataFileOptions {
  /** An explicit local file or folder, or an `https:` URL (a mirror, downloaded into the cache); wins. */
  source?: string;
  /** Official URL, downloaded into the cache when no local copy exists. */
  url: string;
  /** Official sha256: enforced on downloads, a warning for local files. */
  sha256?: string;
  /** Other names accepted in `$TENSORSEQ_DATA`, tried after the official name. @defaultValue [] */
  alternatives?: DataFileAlternative[];
  /** Cache folder. @defaultValue {@link defaultCacheDir}() */
  cacheDir?: string;
  /** Download progress. */
  onProgress?: (progress: DownloadProgress) => void;
  /** Receives warnings (a local file whose checksum differs). @defaultValue console.warn */
  onWarning?: (message: string) => void;
  /** Options passed to {@link download}. */
  maxBytes?: number;
  /** Stall timeout passed to {@link download}, in milliseconds. */
  timeoutMs?: number;
  /** Aborts a download. */
  signal?: AbortSignal;
}

/**
 * Finds a data file the way every tensorseq loader does: an explicit `source` path wins; else a file of
 * the official name (or an accepted alternative) in the `$TENSORSEQ_DATA` folder; else the cached
 * download; else a fresh {@link download} from `url`. A local file named like the official one (or an
 * alternative with a known sha256) whose checksum differs is used anyway, with a warning: it may be a
 * legitimate variant. A `source` under another name is not checked.
 *
 * @param fileName - the official file name, e.g. `'aclImdb_v1.tar.gz'`.
 * @param options - where else to look; see {@link ResolveDataFileOptions}.
 * @returns the path of an existing file (or folder, when `source` is one).
 * @throws {@link DownloadError} when `source` does not exist, or the download fails.
 * @example
 * const path = await resolveDataFile('imdb_word_index.json', {
 *   url: 'https://storage.googleapis.com/tensorflow/tf-keras-datasets/imdb_word_index.json',
 * }); // → '$TENSORSEQ_DATA/imdb_word_index.json' when present, else the cached download
 */
export async function resolveDataFile(fileName: string, options: ResolveDataFileOptions): Promise<string> {
  const { source, url, sha256, alternatives = [], onWarning = (m: string) => console.warn(m) } = options;
  const downloadOptions = {
    cacheDir: options.cacheDir,
    onProgress: options.onProgress,
    maxBytes: options.maxBytes,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
  };
  if (source !== undefined && /^https?:\/\//i.test(source)) {
    // A URL source is a mirror: cached under its own name, checked only when it names the official file.
    return download(source, downloadOptions);
  }
  if (source !== undefined) {
    const kind = await kindOf(source);
    if (kind === undefined) {
      throw new DownloadError(
        `resolveDataFile: source must be an existing file or folder. Received: source=${source}.`,
        'bad-argument',
      );
    }
    // Only a file named like the official one (or an alternative) claims to be it: check that claim.
    const claimed = [{ fileName, sha256 }, ...alternatives].find((c) => c.fileName === basename(source));
    if (kind === 'file') await warnOnMismatch(source, claimed?.sha256, onWarning);
    return source;
  }
  const dataDir = process.env.TENSORSEQ_DATA;
  if (dataDir) {
    const candidates = [{ fileName, sha256 }, ...alternatives];
    for (const candidate of candidates) {
      const path = join(dataDir, candidate.fileName);
      if ((await kindOf(path)) === 'file') {
        await warnOnMismatch(path, candidate.sha256, onWarning);
        return path;
      }
    }
  }
  return download(url, { ...downloadOptions, fileName, sha256 });
}

async function kindOf(path: string): Promise<'file' | 'dir' | undefined> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

async function warnOnMismatch(
  path: string,
  sha256: string | undefined,
  onWarning: (message: string) => void,
): Promise<void> {
  if (sha256 === undefined) return;
  const actual = await sha256File(path);
  if (actual !== sha256) {
    onWarning(`resolveDataFile: ${path} has sha256=${actual}, not the official ${sha256}; using it anyway.`);
  }
}
