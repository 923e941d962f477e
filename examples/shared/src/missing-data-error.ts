/** The data set an experiment could not find, with what a user needs to fetch it by hand. */
export interface MissingData {
  /** The example that needs it (starts the message). */
  owner: string;
  /** e.g. `the IMDB reviews`. */
  dataset: string;
  /** The official URL. */
  url: string;
  /** The file name looked up under `$TENSORSEQ_DATA`. */
  fileName: string;
  /** Its expected sha256. */
  sha256: string;
  /** Why the loader failed (its message). */
  cause: string;
}

/**
 * The one message a run without its data set prints: what is missing, the URL, the expected checksum,
 * and how to point `TENSORSEQ_DATA` at a local copy.
 *
 * @param missing - the data set and the loader's failure.
 * @returns an Error to throw.
 * @example
 * throw missingDataError({ owner: 'imdb-rnn', dataset: 'the IMDB reviews', url: IMDB_URL,
 *   fileName: IMDB_FILE_NAME, sha256: IMDB_SHA256, cause: e.message });
 */
export function missingDataError(missing: MissingData): Error {
  const where = process.env.TENSORSEQ_DATA
    ? `no ${missing.fileName} in TENSORSEQ_DATA=${process.env.TENSORSEQ_DATA}`
    : 'TENSORSEQ_DATA is not set';
  return new Error(
    `${missing.owner}: ${missing.dataset} must be available. Received: ${where}, and the download failed (${missing.cause}). ` +
      `To fix this, download ${missing.url} (sha256 ${missing.sha256}) into a folder as ${missing.fileName} and run with TENSORSEQ_DATA=<that folder>.`,
  );
}
