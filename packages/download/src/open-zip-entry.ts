import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, pipeline, type Readable, Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { crc32 } from './crc32';
import { DownloadError } from './download-error';
import { readZipDirectory, type ZipDirectory, type ZipEntry } from './list-zip-entries';

const LOCAL = 0x04034b50;

/**
 * Streams one member of a zip file, inflated with node:zlib, without extracting anything. The local
 * header is checked against the central directory; the stream fails if the data inflates to more or
 * fewer bytes than declared, or its CRC-32 differs.
 *
 * @param zipPath - the `.zip` file.
 * @param entryName - the member's exact name, e.g. `'jena_climate_2009_2016.csv'`.
 * @returns a Readable of the member's bytes.
 * @throws {@link DownloadError} when the member is missing, encrypted, uses another method than
 * stored/deflate, or its headers disagree.
 * @example
 * const csv = await openZipEntry('jena_climate_2009_2016.csv.zip', 'jena_climate_2009_2016.csv');
 * for await (const chunk of csv) total += chunk.length; // 43,153,776 bytes
 */
export async function openZipEntry(zipPath: string, entryName: string): Promise<Readable> {
  const owner = 'openZipEntry';
  const directory = await readZipDirectory(owner, zipPath);
  const entry = directory.entries.find((e) => e.name === entryName);
  if (entry === undefined) {
    const names = directory.entries.slice(0, 5).map((e) => e.name);
    throw new DownloadError(
      `${owner}: entryName must name a member of ${zipPath} (${names.join(', ')}${directory.entries.length > 5 ? ', …' : ''}). Received: entryName=${entryName}.`,
      'bad-argument',
    );
  }
  return openZipMember(owner, zipPath, directory, entry);
}

/** Streams a member already found in the directory (shared with {@link extractZip}). */
export async function openZipMember(
  owner: string,
  zipPath: string,
  directory: ZipDirectory,
  entry: ZipEntry,
): Promise<Readable> {
  const bad = (what: string) =>
    new DownloadError(
      `${owner}: archive must be a valid zip file. Received: ${what} for ${entry.name} in ${zipPath}.`,
      'bad-archive',
    );
  if (entry.flags & 1) throw bad('an encrypted member');
  if (entry.method !== 0 && entry.method !== 8) throw bad(`compression method ${entry.method}`);
  const file = await open(zipPath, 'r');
  let header: Buffer;
  try {
    header = Buffer.alloc(30);
    await file.read(header, 0, 30, entry.localHeaderOffset);
  } finally {
    await file.close();
  }
  if (header.readUInt32LE(0) !== LOCAL) throw bad('no local header');
  if (header.readUInt16LE(8) !== entry.method) throw bad('a local header whose method differs');
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (dataStart + entry.compressedSize > directory.centralDirectoryOffset)
    throw bad('data running past the directory');
  const output = checkedOutput(entry, bad);
  if (entry.compressedSize === 0) {
    process.nextTick(() => output.end());
    return output;
  }
  const raw = createReadStream(zipPath, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  const stages = entry.method === 8 ? [raw, createInflateRaw(), output] : [raw, new PassThrough(), output];
  // pipeline destroys every stage with the first error, so the caller sees it on `output`.
  pipeline(stages, (error) => {
    if (error && !output.destroyed) output.destroy(bad(`corrupt data (${error.message})`));
  });
  return output;
}

/** A pass-through that enforces the declared size and CRC-32. */
function checkedOutput(entry: ZipEntry, bad: (what: string) => DownloadError): Transform {
  let bytes = 0;
  let crc = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > entry.uncompressedSize) {
        callback(bad(`more than the declared ${entry.uncompressedSize} bytes`));
        return;
      }
      crc = crc32(chunk, crc);
      callback(null, chunk);
    },
    flush(callback) {
      if (bytes !== entry.uncompressedSize)
        callback(bad(`${bytes} bytes, not the declared ${entry.uncompressedSize}`));
      else if (crc !== entry.crc32) callback(bad('a CRC-32 mismatch'));
      else callback();
    },
  });
}
