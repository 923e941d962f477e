import { DownloadError } from './download-error';

/** One member of a zip archive, from its central directory. */
export interface ZipEntry {
  /** Name as stored (not yet checked for safety); folders end with `/`. */
  name: string;
  /** 0 = stored, 8 = deflate (the only methods read). */
  method: number;
  /** General-purpose flags (bit 0 = encrypted). */
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the member's local header. */
  localHeaderOffset: number;
  /** Unix mode from the external attributes (0 when not made on Unix). */
  mode: number;
  isDirectory: boolean;
  isSymlink: boolean;
}

/** The central directory of a zip file, with where it starts (members must lie before it). */
export interface ZipDirectory {
  entries: ZipEntry[];
  centralDirectoryOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const MAX32 = 0xffffffff;

/** Random access to a zip's bytes (a file handle, a `Blob`, bytes in memory). */
export interface ZipReader {
  /** The archive, as error messages name it. */
  name: string;
  /** Size in bytes. */
  size: number;
  /** `length` bytes from `position`; the caller has checked the range. */
  read(position: number, length: number): Promise<Uint8Array>;
}

/**
 * Reads a zip's central directory (zip64 included) and returns its members, checking every offset and
 * size against the archive's bounds.
 *
 * @param owner - the calling function, for error messages.
 * @param reader - random access to the archive.
 * @example
 * const { entries } = await readZipDirectory('listZipEntries', memoryZipReader(bytes, 'a.zip'));
 */
export async function readZipDirectory(owner: string, reader: ZipReader): Promise<ZipDirectory> {
  const { size, name: zipPath } = reader;
  const bad = (what: string) =>
    new DownloadError(
      `${owner}: archive must be a valid zip file. Received: ${what} in ${zipPath}.`,
      'bad-archive',
    );
  const readAt = async (position: number, length: number): Promise<Bytes> => {
    if (position < 0 || length < 0 || position + length > size)
      throw bad(`a record beyond the end at ${position}`);
    return new Bytes(await reader.read(position, length));
  };
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.u32(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw bad('no end-of-central-directory record');
  const eocdPosition = size - tailLength + eocd;
  if (tail.u16(eocd + 4) !== 0 || tail.u16(eocd + 6) !== 0) throw bad('a multi-disk archive');
  let count = tail.u16(eocd + 10);
  let cdSize = tail.u32(eocd + 12);
  let cdOffset = tail.u32(eocd + 16);
  if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
    const locator = await readAt(eocdPosition - 20, 20);
    if (locator.u32(0) !== EOCD64_LOCATOR) throw bad('a zip64 size without its locator');
    const record = await readAt(locator.u64(8), 56);
    if (record.u32(0) !== EOCD64) throw bad('a broken zip64 record');
    count = record.u64(32);
    cdSize = record.u64(40);
    cdOffset = record.u64(48);
  }
  const cd = await readAt(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let pos = 0;
  for (let i = 0; i < count; i++) {
    if (pos + 46 > cd.length || cd.u32(pos) !== CENTRAL) throw bad(`a broken central header #${i}`);
    const entry = parseCentralHeader(cd, pos, bad);
    if (entry.localHeaderOffset + 30 > cdOffset)
      throw bad(`a member offset past the directory for ${entry.name}`);
    entries.push(entry);
    pos += 46 + cd.u16(pos + 28) + cd.u16(pos + 30) + cd.u16(pos + 32);
  }
  return { entries, centralDirectoryOffset: cdOffset };
}

function parseCentralHeader(cd: Bytes, pos: number, bad: (what: string) => DownloadError): ZipEntry {
  const flags = cd.u16(pos + 8);
  const nameLength = cd.u16(pos + 28);
  const extraLength = cd.u16(pos + 30);
  if (pos + 46 + nameLength + extraLength > cd.length)
    throw bad('a central header running past the directory');
  // Bit 11: the name is UTF-8; otherwise CP437, read as Latin-1 (identical for ASCII names).
  const name = cd.text(flags & 0x800 ? 'utf-8' : 'latin1', pos + 46, pos + 46 + nameLength);
  let uncompressedSize = cd.u32(pos + 24);
  let compressedSize = cd.u32(pos + 20);
  let localHeaderOffset = cd.u32(pos + 42);
  const extra = cd.slice(pos + 46 + nameLength, pos + 46 + nameLength + extraLength);
  for (let e = 0; e + 4 <= extra.length; ) {
    const id = extra.u16(e);
    const length = extra.u16(e + 2);
    if (id === 0x0001) {
      // zip64 extra field: only the fields whose 32-bit value is saturated, in this order.
      let f = e + 4;
      const next = () => {
        if (f + 8 > e + 4 + length || f + 8 > extra.length) throw bad(`a short zip64 field for ${name}`);
        const value = extra.u64(f);
        f += 8;
        return value;
      };
      if (uncompressedSize === MAX32) uncompressedSize = next();
      if (compressedSize === MAX32) compressedSize = next();
      if (localHeaderOffset === MAX32) localHeaderOffset = next();
    }
    e += 4 + length;
  }
  const madeOnUnix = cd.bytes[pos + 5] === 3;
  const mode = madeOnUnix ? cd.u32(pos + 38) >>> 16 : 0;
  return {
    name,
    method: cd.u16(pos + 10),
    flags,
    crc32: cd.u32(pos + 16),
    compressedSize,
    uncompressedSize,
    localHeaderOffset,
    mode,
    isDirectory: name.endsWith('/'),
    isSymlink: (mode & 0o170000) === 0o120000,
  };
}

/** Little-endian reads over a `Uint8Array` (a `Buffer`'s readers are Node-only). */
class Bytes {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  u64(at: number): number {
    return Number(this.view.getBigUint64(at, true));
  }

  slice(start: number, end: number): Bytes {
    return new Bytes(this.bytes.subarray(start, end));
  }

  text(encoding: 'utf-8' | 'latin1', start: number, end: number): string {
    const bytes = this.bytes.subarray(start, end);
    // TextDecoder's 'latin1' is windows-1252; names keep their exact byte values instead.
    return encoding === 'utf-8' ? new TextDecoder().decode(bytes) : String.fromCharCode(...bytes);
  }
}

const LOCAL = 0x04034b50;

/**
 * Checks a member against its local header and returns where its compressed data starts; refuses
 * encrypted members, methods other than stored/deflate, and data running into the central directory.
 *
 * @example
 * const start = await memberDataStart('openZipEntry', reader, directory, entry);
 */
export async function memberDataStart(
  owner: string,
  reader: ZipReader,
  directory: ZipDirectory,
  entry: ZipEntry,
): Promise<number> {
  const bad = memberError(owner, reader.name, entry);
  if (entry.flags & 1) throw bad('an encrypted member');
  if (entry.method !== 0 && entry.method !== 8) throw bad(`compression method ${entry.method}`);
  if (entry.localHeaderOffset + 30 > reader.size) throw bad('no local header');
  const header = new Bytes(await reader.read(entry.localHeaderOffset, 30));
  if (header.u32(0) !== LOCAL) throw bad('no local header');
  if (header.u16(8) !== entry.method) throw bad('a local header whose method differs');
  const dataStart = entry.localHeaderOffset + 30 + header.u16(26) + header.u16(28);
  if (dataStart + entry.compressedSize > directory.centralDirectoryOffset)
    throw bad('data running past the directory');
  return dataStart;
}

/**
 * The error for a bad member: `bad-archive`, naming the member and the archive.
 *
 * @example
 * throw memberError('openZipEntry', 'a.zip', entry)('a CRC-32 mismatch');
 */
export function memberError(
  owner: string,
  zipPath: string,
  entry: ZipEntry,
): (what: string) => DownloadError {
  return (what) =>
    new DownloadError(
      `${owner}: archive must be a valid zip file. Received: ${what} for ${entry.name} in ${zipPath}.`,
      'bad-archive',
    );
}

/**
 * The member called `entryName`, or a `bad-argument` error listing the first few names.
 *
 * @example
 * const entry = findMember('openZipEntry', 'a.zip', directory, 'data.csv');
 */
export function findMember(
  owner: string,
  zipPath: string,
  directory: ZipDirectory,
  entryName: string,
): ZipEntry {
  const entry = directory.entries.find((e) => e.name === entryName);
  if (entry !== undefined) return entry;
  const names = directory.entries.slice(0, 5).map((e) => e.name);
  throw new DownloadError(
    `${owner}: entryName must name a member of ${zipPath} (${names.join(', ')}${directory.entries.length > 5 ? ', …' : ''}). Received: entryName=${entryName}.`,
    'bad-argument',
  );
}
