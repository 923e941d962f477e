import type { ByteSource } from './byte-source';
import { readZipDirectory, type ZipEntry } from './zip-directory';
import { type ZipSourceOptions, zipReader } from './zip-source';

/**
 * Reads a zip's central directory (zip64 included) and returns its members, checking every offset and
 * size against the archive's bounds. Works in browsers and Node; `@tensorseq/download/node` adds paths.
 *
 * @param source - the archive: a `File`/`Blob`, bytes, a `Response`, a stream or a URL.
 * @param options - `maxBytes` for sources read into memory.
 * @returns the members in directory order.
 * @throws {@link DownloadError} (`bad-archive`) for anything that is not a consistent zip.
 * @example
 * const [csv] = await listZipEntries(fileInput.files[0]); // csv.name → 'jena_climate_2009_2016.csv'
 */
export async function listZipEntries(
  source: ByteSource,
  options: ZipSourceOptions = {},
): Promise<ZipEntry[]> {
  const owner = 'listZipEntries';
  return (await readZipDirectory(owner, await zipReader(source, owner, options))).entries;
}
