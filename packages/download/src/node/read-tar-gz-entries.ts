import {
  type ReadTarGzEntriesOptions,
  readTarEntries,
  readTarGzEntries as readUniversal,
} from '../read-tar-gz-entries';
import type { TarEntry } from '../tar-entries';
import { filePathOf, type NodeByteSource } from './file-source';
import { asArchiveError, gunzipFile } from './gunzip-file';

/**
 * `readTarGzEntries` of the main entry, plus file paths and `file:` URLs, gunzipped by node:zlib. The
 * data of regular files is handed out as a `Buffer` (a view, not a copy), as before the `./node` split.
 *
 * @param source - path of the `.tar.gz` file, or any source of the main entry.
 * @param onEntry - called once per selected entry, in archive order.
 * @param options - `filter`, `maxEntryBytes`.
 * @throws {@link DownloadError} (`bad-archive`) for a corrupt or truncated archive; (`too-large`) for a
 * file above `maxEntryBytes`; (`bad-argument`) for a missing file.
 * @example
 * await readTarGzEntries('aclImdb_v1.tar.gz', (entry, content) => {
 *   if (entry.path.endsWith('.txt')) texts.push(Buffer.from(content).toString('utf8'));
 * }, { filter: (e) => e.path.includes('/train/pos/') });
 */
export async function readTarGzEntries(
  source: NodeByteSource,
  onEntry: (entry: TarEntry, content: Buffer) => void | Promise<void>,
  options: ReadTarGzEntriesOptions = {},
): Promise<void> {
  const asBuffer = (entry: TarEntry, content: Uint8Array) =>
    onEntry(entry, Buffer.from(content.buffer, content.byteOffset, content.length));
  const archive = filePathOf(source);
  if (archive === undefined) return readUniversal(source, asBuffer, options);
  const owner = 'readTarGzEntries';
  const stream = gunzipFile(archive);
  try {
    await readTarEntries(stream, asBuffer, { ...options, owner, archive });
  } catch (error) {
    throw asArchiveError(owner, archive, error);
  } finally {
    stream.destroy();
  }
}
