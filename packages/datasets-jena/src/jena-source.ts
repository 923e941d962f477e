/**
 * Official Keras URL of the Jena climate archive (the 10-minute, 14-variable CSV inside a zip).
 *
 * @example
 * await download(JENA_URL) // → '~/.cache/tensorseq/jena_climate_2009_2016.csv.zip'
 */
export const JENA_URL =
  'https://storage.googleapis.com/tensorflow/tf-keras-datasets/jena_climate_2009_2016.csv.zip';

/**
 * File name of the archive under `$TENSORSEQ_DATA` and in the cache.
 *
 * @example
 * await download(JENA_URL) // → '~/.cache/tensorseq/jena_climate_2009_2016.csv.zip'
 */
export const JENA_ZIP_NAME = 'jena_climate_2009_2016.csv.zip';

/**
 * Name of the CSV inside the archive (and of an unzipped copy).
 *
 * @example
 * await download(JENA_URL) // → '~/.cache/tensorseq/jena_climate_2009_2016.csv.zip'
 */
export const JENA_CSV_NAME = 'jena_climate_2009_2016.csv';
