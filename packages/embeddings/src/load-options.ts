/** How undecodable UTF-8 bytes in a word are handled, as Python's (and gensim's) `unicode_errors`. */
export type UnicodeErrors = 'strict' | 'replace' | 'ignore';

/** Progress of a load, reported once per chunk read. */
export interface LoadProgress {
  /** Bytes read from the source so far. */
  bytesRead: number;
  /** Total size of the source when known (files), otherwise undefined (streams). */
  totalBytes: number | undefined;
  /** Vectors kept so far. */
  words: number;
}

/**
 * Options shared by every reader ({@link loadGlove}, {@link loadWord2Vec}, {@link loadFastTextVec}).
 *
 * @example
 * const options: LoadVectorsOptions = { vocabulary: ['the', 'cat'], unicodeErrors: 'replace', limit: 100000 };
 */
export interface LoadVectorsOptions {
  /**
   * Read at most this many entries from the file (gensim's `limit`): the first `limit` lines count,
   * duplicates and words filtered out by `vocabulary` included.
   * @defaultValue no limit
   */
  limit?: number;
  /**
   * Keep only these words. The fast path for building an embedding matrix: the numbers of the other
   * words are never parsed and memory is sized by this set.
   * @defaultValue every word
   */
  vocabulary?: Iterable<string>;
  /** Element type of the matrix; only `'float32'` (gensim's default `REAL`). @defaultValue 'float32' */
  dtype?: 'float32';
  /** Undecodable UTF-8 in a word: throw, replace with U+FFFD, or drop the bytes. @defaultValue 'strict' */
  unicodeErrors?: UnicodeErrors;
  /** Called after every chunk read. */
  onProgress?: (progress: LoadProgress) => void;
  /** Called with each warning gensim would log (duplicate words). @defaultValue console.warn */
  onWarning?: (message: string) => void;
}

/** {@link LoadVectorsOptions} once checked, with every default filled in. */
export interface CheckedLoadOptions {
  limit: number;
  vocabulary: ReadonlySet<string> | undefined;
  unicodeErrors: UnicodeErrors;
  onProgress: ((progress: LoadProgress) => void) | undefined;
  onWarning: (message: string) => void;
}

const UNICODE_ERRORS: readonly UnicodeErrors[] = ['strict', 'replace', 'ignore'];

/** Checks the options once, at entry, and fills in the defaults. */
export function checkLoadOptions(owner: string, options: LoadVectorsOptions): CheckedLoadOptions {
  const { limit, vocabulary, dtype = 'float32', unicodeErrors = 'strict', onProgress, onWarning } = options;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
    throw new RangeError(`${owner}: limit must be a non-negative integer. Received: limit=${String(limit)}.`);
  }
  if (dtype !== 'float32') {
    throw new TypeError(`${owner}: dtype must be "float32". Received: dtype=${JSON.stringify(dtype)}.`);
  }
  if (!UNICODE_ERRORS.includes(unicodeErrors)) {
    throw new TypeError(
      `${owner}: unicodeErrors must be "strict", "replace" or "ignore". Received: unicodeErrors=${JSON.stringify(unicodeErrors)}.`,
    );
  }
  if (vocabulary !== undefined && (typeof vocabulary === 'string' || !isIterable(vocabulary))) {
    throw new TypeError(
      `${owner}: vocabulary must be an iterable of words (Set, array, Map keys). Received: vocabulary=${String(vocabulary)}.`,
    );
  }
  return {
    limit: limit ?? Number.POSITIVE_INFINITY,
    vocabulary: vocabulary === undefined ? undefined : toSet(vocabulary),
    unicodeErrors,
    onProgress,
    onWarning: onWarning ?? ((message) => console.warn(message)),
  };
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.iterator in value;
}

function toSet(words: Iterable<string>): ReadonlySet<string> {
  return words instanceof Set ? words : new Set(words);
}
