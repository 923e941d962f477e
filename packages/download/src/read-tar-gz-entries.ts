import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';
import { DownloadError } from './download-error';
import { type TarEntry, tarEntries } from './tar-entries';

/** Options of {@link readTarGzEntries}. */
export interface ReadTarGzEntriesOptions {
  /** Entries for which this returns false are skipped without buffering their data. @defaultValue all */
  filter?: (entry: TarEntry) => boolean;
  /** Largest regular file buffered, in bytes. @defaultValue 256 MiB */
  maxEntryBytes?: number;
}

/**
 * Streams a `.tar.gz` (gunzip + tar parse in memory, nothing written to disk) and calls `onEntry` for
 * every entry, with the data of regular files as a Buffer (empty for other entries). `onEntry` may be
 * async; the stream waits for it.
 *
 * @param archive - path of the `.tar.gz` file.
 * @param onEntry - called once per selected entry, in archive order.
 * @param options - `filter`, `maxEntryBytes`.
 * @throws {@link DownloadError} (`bad-archive`) for a corrupt or truncated archive; (`too-large`) for a
 * file above `maxEntryBytes`.
 * @example
 * await readTarGzEntries('aclImdb_v1.tar.gz', (entry, content) => {
 *   if (entry.path.endsWith('.txt')) texts.push(content.toString('utf8'));
 * }, { filter: (e) => e.path.includes('/train/pos/') });
 */
export async function readTarGzEntries(
  archive: string,
  onEntry: (entry: TarEntry, content: Buffer) => void | Promise<void>,
  options: ReadTarGzEntriesOptions = {},
): Promise<void> {
  const { filter, maxEntryBytes = 256 * 2 ** 20 } = options;
  const owner = 'readTarGzEntries';
  const stream = gunzipFile(archive);
  const empty = Buffer.alloc(0);
  try {
    for await (const { entry, content } of tarEntries(stream, {
      owner,
      archive,
      select: filter,
      maxEntryBytes,
    })) {
      await onEntry(entry, content ?? empty);
    }
  } catch (error) {
    throw asArchiveError(owner, archive, error);
  } finally {
    stream.destroy();
  }
}

/** A gunzip stream of a file; a read error (missing file) surfaces as an error of the returned stream. */
export function gunzipFile(archive: string): Gunzip {
  const gunzip = createGunzip({ chunkSize: 1 << 18 });
  pipeline(createReadStream(archive, { highWaterMark: 1 << 20 }), gunzip, () => {});
  return gunzip;
}

/** Turns fs / zlib errors into a `DownloadError` that names the archive. */
export function asArchiveError(owner: string, archive: string, error: unknown): unknown {
  if (DownloadError.isInstance(error) || !(error instanceof Error)) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
    return new DownloadError(
      `${owner}: archive must be a readable file. Received: archive=${archive} (${code}).`,
      'bad-argument',
    );
  }
  // Errors thrown by the caller's callback are theirs: pass them through untouched.
  if (!code.startsWith('Z_')) return error;
  return new DownloadError(
    `${owner}: archive must be a valid gzip stream. Received: ${error.message} in ${archive}.`,
    'bad-archive',
  );
}
