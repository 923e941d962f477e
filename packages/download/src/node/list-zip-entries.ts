import { listZipEntries as listUniversal } from '../list-zip-entries';
import type { ZipEntry } from '../zip-directory';
import type { ZipSourceOptions } from '../zip-source';
import { filePathOf, type NodeByteSource } from './file-source';
import { zipFileDirectory } from './zip-file';

/**
 * `listZipEntries` of the main entry, plus file paths and `file:` URLs (read in place, never loaded).
 *
 * @param source - the `.zip` file's path, or any source of the main entry.
 * @param options - `maxBytes` for sources read into memory.
 * @returns the members in directory order.
 * @throws {@link DownloadError} (`bad-archive`) for anything that is not a consistent zip.
 * @example
 * const [csv] = await listZipEntries('jena_climate_2009_2016.csv.zip'); // csv.name → 'jena_climate_2009_2016.csv'
 */
export async function listZipEntries(
  source: NodeByteSource,
  options: ZipSourceOptions = {},
): Promise<ZipEntry[]> {
  const path = filePathOf(source);
  if (path === undefined) return listUniversal(source, options);
  return (await zipFileDirectory('listZipEntries', path)).entries;
}
