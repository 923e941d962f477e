import { type ByteSource, describeSource, readTarGzEntries } from '@tensorseq/download';
import { checkSplit, type ImdbText, readArchiveReviews, type SplitChoice, toImdbText } from './imdb-reviews';

/** Options of {@link loadImdbText}. */
export interface LoadImdbTextOptions {
  /**
   * `aclImdb_v1.tar.gz` or `aclImdb_labeled.tar.gz` as bytes: a `Response`, a `File`, a stream, bytes or
   * an http(s) URL. Required here; `@tensorseq/datasets-imdb/node` finds or downloads the archive.
   */
  source?: ByteSource;
  /** Which split to read. @defaultValue 'both' */
  split?: SplitChoice;
}

/**
 * The Large Movie Review Dataset's raw reviews (25,000 train + 25,000 test, half positive), streamed out of
 * the tar.gz in memory: each review is parsed as it arrives, files above 1 MiB are refused. Works in
 * browsers and Node; `@tensorseq/datasets-imdb/node` adds paths, extracted trees, `$TENSORSEQ_DATA` and
 * the checksum-verified download.
 *
 * @param options - `source` (required in this entry) and `split`.
 * @returns `{ train, test }`, each `{ texts, labels, ids, ratings }` in a stable order.
 * @throws Error when the source holds no review; TypeError for a missing source or a bad `split`.
 * @example
 * const { train } = await loadImdbText({ source: fileInput.files[0], split: 'train' });
 * train.texts.length // → 25000
 */
export async function loadImdbText(options: LoadImdbTextOptions = {}): Promise<ImdbText> {
  const split = checkSplit('loadImdbText', options.split);
  const { source } = options;
  if (source === undefined) {
    throw new TypeError(
      'loadImdbText: source must be the aclImdb tar.gz (a Response, File, stream, bytes or URL) in the main entry. Received: source=undefined. To fix this, pass one, or import from "@tensorseq/datasets-imdb/node" to find or download it.',
    );
  }
  const wanted = (s: string) => split === 'both' || s === split;
  const reviews = await readArchiveReviews(readTarGzEntries, source, wanted);
  return toImdbText(reviews, describeSource(source));
}
