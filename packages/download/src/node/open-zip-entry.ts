import { Readable } from 'node:stream';
import { openZipEntry as openUniversal } from '../open-zip-entry';
import { findMember } from '../zip-directory';
import type { ZipSourceOptions } from '../zip-source';
import { filePathOf, type NodeByteSource } from './file-source';
import { openZipFileMember, zipFileDirectory } from './zip-file';

/**
 * `openZipEntry` of the main entry, plus file paths and `file:` URLs (inflated with node:zlib), as a Node
 * `Readable`. The stream fails if the data inflates to more or fewer bytes than declared, or its CRC-32
 * differs.
 *
 * @param source - the `.zip` file's path, or any source of the main entry.
 * @param entryName - the member's exact name, e.g. `'jena_climate_2009_2016.csv'`.
 * @param options - `maxBytes` for sources read into memory.
 * @returns a Readable of the member's bytes.
 * @throws {@link DownloadError} when the member is missing, encrypted, uses another method than
 * stored/deflate, or its headers disagree.
 * @example
 * const csv = await openZipEntry('jena_climate_2009_2016.csv.zip', 'jena_climate_2009_2016.csv');
 * for await (const chunk of csv) total += chunk.length; // 43,153,776 bytes
 */
export async function openZipEntry(
  source: NodeByteSource,
  entryName: string,
  options: ZipSourceOptions = {},
): Promise<Readable> {
  const path = filePathOf(source);
  if (path === undefined) return Readable.from(await openUniversal(source, entryName, options));
  const owner = 'openZipEntry';
  const directory = await zipFileDirectory(owner, path);
  return openZipFileMember(owner, path, directory, findMember(owner, path, directory, entryName));
}
