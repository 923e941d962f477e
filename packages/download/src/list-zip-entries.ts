import { open } from 'node:fs/promises';
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

/**
 * Reads a zip file's central directory (zip64 included) and returns its members, checking every offset
 * and size against the file's bounds.
 *
 * @param zipPath - the `.zip` file.
 * @returns the members in directory order.
 * @throws {@link DownloadError} (`bad-archive`) for a file that is not a valid, single-disk zip.
 * @example
 * (await listZipEntries('jena_climate_2009_2016.csv.zip')).map((e) => e.name) // → ['jena_climate_2009_2016.csv']
 */
export async function listZipEntries(zipPath: string): Promise<ZipEntry[]> {
  return (await readZipDirectory('listZipEntries', zipPath)).entries;
}

/** {@link listZipEntries} plus the directory offset; `owner` names the caller in errors. */
export async function readZipDirectory(owner: string, zipPath: string): Promise<ZipDirectory> {
  const bad = (what: string) =>
    new DownloadError(
      `${owner}: archive must be a valid zip file. Received: ${what} in ${zipPath}.`,
      'bad-archive',
    );
  const file = await open(zipPath, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new DownloadError(
      `${owner}: archive must be a readable file. Received: archive=${zipPath} (${error.code}).`,
      'bad-argument',
    );
  });
  try {
    const size = (await file.stat()).size;
    const readAt = async (position: number, length: number): Promise<Buffer> => {
      if (position < 0 || length < 0 || position + length > size)
        throw bad(`a record beyond the end at ${position}`);
      const buf = Buffer.alloc(length);
      await file.read(buf, 0, length, position);
      return buf;
    };
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await readAt(size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd === -1) throw bad('no end-of-central-directory record');
    const eocdPosition = size - tailLength + eocd;
    if (tail.readUInt16LE(eocd + 4) !== 0 || tail.readUInt16LE(eocd + 6) !== 0)
      throw bad('a multi-disk archive');
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
      const locator = await readAt(eocdPosition - 20, 20);
      if (locator.readUInt32LE(0) !== EOCD64_LOCATOR) throw bad('a zip64 size without its locator');
      const record = await readAt(Number(locator.readBigUInt64LE(8)), 56);
      if (record.readUInt32LE(0) !== EOCD64) throw bad('a broken zip64 record');
      count = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
    const cd = await readAt(cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let pos = 0;
    for (let i = 0; i < count; i++) {
      if (pos + 46 > cd.length || cd.readUInt32LE(pos) !== CENTRAL)
        throw bad(`a broken central header #${i}`);
      const entry = parseCentralHeader(cd, pos, bad);
      if (entry.localHeaderOffset + 30 > cdOffset)
        throw bad(`a member offset past the directory for ${entry.name}`);
      entries.push(entry);
      pos += 46 + cd.readUInt16LE(pos + 28) + cd.readUInt16LE(pos + 30) + cd.readUInt16LE(pos + 32);
    }
    return { entries, centralDirectoryOffset: cdOffset };
  } finally {
    await file.close();
  }
}

function parseCentralHeader(cd: Buffer, pos: number, bad: (what: string) => DownloadError): ZipEntry {
  const flags = cd.readUInt16LE(pos + 8);
  const nameLength = cd.readUInt16LE(pos + 28);
  const extraLength = cd.readUInt16LE(pos + 30);
  if (pos + 46 + nameLength + extraLength > cd.length)
    throw bad('a central header running past the directory');
  // Bit 11: the name is UTF-8; otherwise CP437, read as Latin-1 (identical for ASCII names).
  const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', pos + 46, pos + 46 + nameLength);
  let uncompressedSize = cd.readUInt32LE(pos + 24);
  let compressedSize = cd.readUInt32LE(pos + 20);
  let localHeaderOffset = cd.readUInt32LE(pos + 42);
  const extra = cd.subarray(pos + 46 + nameLength, pos + 46 + nameLength + extraLength);
  for (let e = 0; e + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(e);
    const length = extra.readUInt16LE(e + 2);
    if (id === 0x0001) {
      // zip64 extra field: only the fields whose 32-bit value is saturated, in this order.
      let f = e + 4;
      const next = () => {
        if (f + 8 > e + 4 + length || f + 8 > extra.length) throw bad(`a short zip64 field for ${name}`);
        const value = Number(extra.readBigUInt64LE(f));
        f += 8;
        return value;
      };
      if (uncompressedSize === MAX32) uncompressedSize = next();
      if (compressedSize === MAX32) compressedSize = next();
      if (localHeaderOffset === MAX32) localHeaderOffset = next();
    }
    e += 4 + length;
  }
  const madeOnUnix = cd.readUInt8(pos + 5) === 3;
  const mode = madeOnUnix ? cd.readUInt32LE(pos + 38) >>> 16 : 0;
  return {
    name,
    method: cd.readUInt16LE(pos + 10),
    flags,
    crc32: cd.readUInt32LE(pos + 16),
    compressedSize,
    uncompressedSize,
    localHeaderOffset,
    mode,
    isDirectory: name.endsWith('/'),
    isSymlink: (mode & 0o170000) === 0o120000,
  };
}
