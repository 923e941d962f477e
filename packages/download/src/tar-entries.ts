import { ByteQueue } from './byte-queue';
import { DownloadError } from './download-error';

/** Kind of a tar entry. `other` covers devices, FIFOs and unknown type flags. */
export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

/** One tar header, with GNU long names and PAX `path`/`linkpath`/`size` applied. */
export interface TarEntry {
  /** Name as stored (not yet checked for safety). */
  path: string;
  type: TarEntryType;
  /** Size of the entry's data in bytes. */
  size: number;
  /** Permission bits. */
  mode: number;
  /** Target of a symlink or hardlink, else ''. */
  linkName: string;
}

/** Options of {@link tarEntries}. */
export interface TarEntriesOptions {
  /** Function named in error messages. */
  owner: string;
  /** Archive named in error messages. */
  archive: string;
  /** Entries for which this returns false are skipped without buffering. @defaultValue keep all */
  select?: (entry: TarEntry) => boolean;
  /** Largest data of one regular file buffered, in bytes (not applied when `streamContent`). */
  maxEntryBytes: number;
  /**
   * Hand out regular files' data as `body`, an async iterable of chunks to consume before asking for the
   * next entry (unread data is skipped), instead of a buffered `content`. @defaultValue false
   */
  streamContent?: boolean;
}

/** One entry as {@link tarEntries} yields it. */
export interface TarItem {
  entry: TarEntry;
  /** The whole data of a regular file (buffered mode). */
  content: Uint8Array | undefined;
  /** The data of a regular file as chunks (`streamContent` mode). */
  body: AsyncIterable<Uint8Array> | undefined;
}

const BLOCK = 512;

/**
 * Parses a decompressed tar stream, yielding each selected entry with its data (regular files only).
 * Hostile input is rejected: bad header checksums, sizes above `maxEntryBytes`, a stream that ends inside
 * an entry.
 *
 * @example
 * for await (const { entry, content } of tarEntries(stream, { owner: 'x', archive: 'a.tar', maxEntryBytes: 1e6 })) {}
 */
export async function* tarEntries(
  chunks: AsyncIterable<Uint8Array>,
  options: TarEntriesOptions,
): AsyncGenerator<TarItem> {
  const { owner, archive, select = () => true, maxEntryBytes, streamContent = false } = options;
  const queue = new ByteQueue();
  const source = chunks[Symbol.asyncIterator]();
  let offset = 0;
  const fill = async (n: number): Promise<boolean> => {
    while (queue.length < n) {
      const next = await source.next();
      if (next.done) return false;
      queue.push(next.value);
    }
    return true;
  };
  const truncated = (what: string) =>
    new DownloadError(
      `${owner}: archive must be a complete tar stream. Received: end of data inside ${what} at byte ${offset} of ${archive}.`,
      'bad-archive',
    );
  const read = async (n: number, what: string): Promise<Uint8Array> => {
    if (!(await fill(n))) throw truncated(what);
    offset += n;
    return queue.take(n);
  };
  const skip = async (n: number, what: string): Promise<void> => {
    let left = n;
    while (left > 0) {
      if (queue.length === 0 && !(await fill(1))) throw truncated(what);
      const skipped = queue.skip(left);
      left -= skipped;
      offset += skipped;
    }
  };
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  for (;;) {
    if (!(await fill(BLOCK))) {
      // Some writers omit the two zero blocks; ending on a block boundary is accepted.
      if (queue.length === 0) return;
      throw truncated('a header');
    }
    const headerOffset = offset;
    const header = await read(BLOCK, 'a header');
    if (header.every((b) => b === 0)) {
      // Read what follows the end marker (padding) to its end, so the compressed stream's own check (the
      // gzip trailer's CRC and length) runs: a truncated or corrupt trailer must fail, not pass silently.
      queue.skip(queue.length);
      for (let next = await source.next(); !next.done; next = await source.next())
        offset += next.value.length;
      return;
    }
    checkHeaderChecksum(
      header,
      () =>
        `${owner}: every tar header must have a valid checksum. Received: a corrupt header at byte ${headerOffset} of ${archive}.`,
    );
    const flag = String.fromCharCode(header[156]);
    let size = parseNumber(header, 124, 12);
    const padding = (n: number) => (BLOCK - (n % BLOCK)) % BLOCK;
    if (flag === 'L' || flag === 'K' || flag === 'x' || flag === 'g') {
      if (size > 1 << 20) throw badSize(owner, archive, headerOffset, size);
      const data = await read(size, 'an extended header');
      await skip(padding(size), 'padding');
      if (flag === 'L') longName = cString(data, 0, data.length);
      else if (flag === 'K') longLink = cString(data, 0, data.length);
      else if (flag === 'x') pax = parsePax(data);
      continue;
    }
    const name = cString(header, 0, 100);
    const prefix = latin1(header, 257, 262) === 'ustar' ? cString(header, 345, 155) : '';
    if (pax.size !== undefined) size = Number(pax.size);
    if (!Number.isSafeInteger(size) || size < 0) throw badSize(owner, archive, headerOffset, size);
    const entry: TarEntry = {
      path: pax.path ?? longName ?? (prefix ? `${prefix}/${name}` : name),
      type: entryType(flag),
      size,
      mode: parseNumber(header, 100, 8),
      linkName: pax.linkpath ?? longLink ?? cString(header, 157, 100),
    };
    pax = {};
    longName = undefined;
    longLink = undefined;
    const wanted = select(entry);
    if (wanted && entry.type === 'file' && streamContent) {
      const state = { left: size };
      const body = async function* (): AsyncGenerator<Uint8Array> {
        while (state.left > 0) {
          if (queue.length === 0 && !(await fill(1))) throw truncated(entry.path);
          const n = Math.min(state.left, queue.length, 1 << 20);
          state.left -= n;
          offset += n;
          yield queue.take(n);
        }
      };
      yield { entry, content: undefined, body: body() };
      await skip(state.left, entry.path);
      await skip(padding(size), 'padding');
      continue;
    }
    let content: Uint8Array | undefined;
    if (wanted && entry.type === 'file') {
      if (size > maxEntryBytes) {
        throw new DownloadError(
          `${owner}: each entry must be at most maxEntryBytes=${maxEntryBytes} bytes. Received: ${entry.path} of ${size} bytes in ${archive}.`,
          'too-large',
        );
      }
      content = await read(size, entry.path);
    } else {
      await skip(size, entry.path);
    }
    await skip(padding(size), 'padding');
    if (wanted) yield { entry, content, body: undefined };
  }
}

function entryType(flag: string): TarEntryType {
  if (flag === '0' || flag === '\0' || flag === '7') return 'file';
  if (flag === '5') return 'directory';
  if (flag === '2') return 'symlink';
  if (flag === '1') return 'hardlink';
  return 'other';
}

const utf8 = new TextDecoder();

function cString(buf: Uint8Array, start: number, length: number): string {
  const end = buf.indexOf(0, start);
  const stop = end === -1 || end > start + length ? start + length : end;
  return utf8.decode(buf.subarray(start, stop));
}

function latin1(buf: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...buf.subarray(start, end));
}

/** Octal ASCII, or GNU base-256 when the high bit of the first byte is set. */
function parseNumber(buf: Uint8Array, start: number, length: number): number {
  if (buf[start] & 0x80) {
    let value = buf[start] & 0x7f;
    for (let i = 1; i < length; i++) value = value * 256 + buf[start + i];
    return value;
  }
  const text = latin1(buf, start, start + length)
    .replace(/[\0 ]+$/, '')
    .trim();
  return text === '' ? 0 : Number.parseInt(text, 8);
}

function checkHeaderChecksum(header: Uint8Array, message: () => string): void {
  const stored = parseNumber(header, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
  if (stored !== sum) throw new DownloadError(message(), 'bad-archive');
}

function badSize(owner: string, archive: string, at: number, size: number): DownloadError {
  return new DownloadError(
    `${owner}: every tar size must be a non-negative integer within bounds. Received: size=${size} at byte ${at} of ${archive}.`,
    'bad-archive',
  );
}

/** PAX records: `<len> <key>=<value>\n`. */
function parsePax(data: Uint8Array): Record<string, string> {
  const fields: Record<string, string> = {};
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space === -1) break;
    const length = Number.parseInt(latin1(data, pos, space), 10);
    if (!(length > 0) || pos + length > data.length) break;
    const record = utf8.decode(data.subarray(space + 1, pos + length - 1));
    const eq = record.indexOf('=');
    if (eq > 0) fields[record.slice(0, eq)] = record.slice(eq + 1);
    pos += length;
  }
  return fields;
}
