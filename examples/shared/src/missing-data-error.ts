/** One file a data set needs, with what a user needs to fetch it by hand. */
export interface MissingDataFile {
  /** The file name looked up under `$TENSORSEQ_DATA`. */
  fileName: string;
  /** The official URL. */
  url: string;
  /** Its expected sha256 (or why there is none). */
  sha256: string;
}

/** The data set an experiment could not find. */
export interface MissingData {
  /** The example that needs it (starts the message). */
  owner: string;
  /** e.g. `the IMDB reviews`. */
  dataset: string;
  /** The files it reads. */
  files: readonly MissingDataFile[];
  /** Why the loader failed (its message). */
  cause: string;
}

/**
 * The one message a run without its data set prints (`experimentCli` prints it without a stack trace):
 * what is missing, each file's URL and expected checksum, and how to point `TENSORSEQ_DATA` at a local copy.
 *
 * @param missing - the data set and the loader's failure.
 * @returns an Error named `MissingDataError`, to throw.
 * @example
 * throw missingDataError({ owner: 'imdb-rnn', dataset: 'the IMDB reviews',
 *   files: [{ fileName: IMDB_FILE_NAME, url: IMDB_URL, sha256: IMDB_SHA256 }], cause: e.message });
 */
export function missingDataError(missing: MissingData): Error {
  const dir = process.env.TENSORSEQ_DATA;
  const names = missing.files.map((f) => f.fileName).join(' and ');
  const where = dir ? `no ${names} in TENSORSEQ_DATA=${dir}` : 'TENSORSEQ_DATA is not set';
  const downloads = missing.files.map((f) => `${f.url} (sha256 ${f.sha256}) as ${f.fileName}`).join(', and ');
  const error = new Error(
    `${missing.owner}: ${missing.dataset} must be available. Received: ${where}, and the download failed (${missing.cause}). ` +
      `To fix this, download ${downloads} into one folder and run with TENSORSEQ_DATA=<that folder>.`,
  );
  error.name = 'MissingDataError';
  return error;
}
