import { type ByteSource, byteChunks } from './byte-source';
import { DownloadError } from './download-error';
import { inflateChunks } from './inflate-chunks';
import { type TarEntry, tarEntries } from './tar-entries';

/** Options of {@link readTarGzEntries}. */
export interface ReadTarGzEntriesOptions {
  /** Entries for which this returns false are skipped without buffering their data. @defaultValue all */
  filter?: (entry: TarEntry) => boolean;
  /** Largest regular file buffered, in bytes. @defaultValue 256 MiB */
  maxEntryBytes?: number;
}

/** The defaults of {@link ReadTarGzEntriesOptions}. */
export const DEFAULT_MAX_ENTRY_BYTES = 256 * 2 ** 20;

/**
 * Streams a `.tar.gz` (gunzip with `DecompressionStream` + tar parse in memory, nothing buffered but the
 * entry at hand) and calls `onEntry` for every entry, with the data of regular files as a `Uint8Array`
 * (empty for other entries). `onEntry` may be async; the stream waits for it. Works in browsers and Node;
 * `@tensorseq/download/node` adds file paths.
 *
 * @param source - the archive's bytes: a `Response`, a `ReadableStream`, a `Blob`/`File`, bytes or a URL
 * (see {@link ByteSource}).
 * @param onEntry - called once per selected entry, in archive order.
 * @param options - `filter`, `maxEntryBytes`.
 * @throws {@link DownloadError} (`bad-archive`) for a corrupt or truncated archive; (`too-large`) for a
 * file above `maxEntryBytes`.
 * @example
 * const decoder = new TextDecoder();
 * await readTarGzEntries(await fetch('/aclImdb_v1.tar.gz'), (entry, content) => {
 *   if (entry.path.endsWith('.txt')) texts.push(decoder.decode(content));
 * }, { filter: (e) => e.path.includes('/train/pos/') });
 */
export async function readTarGzEntries(
  source: ByteSource,
  onEntry: (entry: TarEntry, content: Uint8Array) => void | Promise<void>,
  options: ReadTarGzEntriesOptions = {},
): Promise<void> {
  const owner = 'readTarGzEntries';
  const archive = describeSource(source);
  const bad = (reason: string) =>
    new DownloadError(
      `${owner}: archive must be a valid gzip stream. Received: ${reason} in ${archive}.`,
      'bad-archive',
    );
  await readTarEntries(inflateChunks(byteChunks(source, owner), 'gzip', bad), onEntry, {
    ...options,
    owner,
    archive,
  });
}

/**
 * Parses decompressed tar chunks and hands each selected entry to `onEntry` (shared by both entries).
 *
 * @example
 * await readTarEntries(inflated, (entry) => names.push(entry.path), { owner: 'x', archive: 'a.tar.gz' });
 */
export async function readTarEntries(
  chunks: AsyncIterable<Uint8Array>,
  onEntry: (entry: TarEntry, content: Uint8Array) => void | Promise<void>,
  options: ReadTarGzEntriesOptions & { owner: string; archive: string },
): Promise<void> {
  const { filter, maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES, owner, archive } = options;
  if (!(maxEntryBytes >= 0)) {
    throw new DownloadError(
      `${owner}: maxEntryBytes must be a non-negative number. Received: maxEntryBytes=${maxEntryBytes}.`,
      'bad-argument',
    );
  }
  const empty = new Uint8Array(0);
  for await (const { entry, content } of tarEntries(chunks, {
    owner,
    archive,
    select: filter,
    maxEntryBytes,
  })) {
    await onEntry(entry, content ?? empty);
  }
}

/**
 * How error messages name a source: its URL, a `File`'s name, else its kind.
 *
 * @example
 * describeSource(new Uint8Array(2)) // → 'the Uint8Array source'
 */
export function describeSource(source: ByteSource): string {
  if (typeof source === 'string' || source instanceof URL) return String(source);
  if (typeof File !== 'undefined' && source instanceof File) return source.name;
  return `the ${Object.prototype.toString.call(source).slice(8, -1)} source`;
}
