import type { ByteSource } from './byte-source';
import { crc32 } from './crc32';
import { inflateChunks } from './inflate-chunks';
import {
  findMember,
  memberDataStart,
  memberError,
  readZipDirectory,
  type ZipEntry,
  type ZipReader,
} from './zip-directory';
import { type ZipSourceOptions, zipReader } from './zip-source';

/**
 * Streams one member of a zip, inflated with `DecompressionStream('deflate-raw')`, without extracting
 * anything. The local header is checked against the central directory; the stream fails if the data
 * inflates to more or fewer bytes than declared, or its CRC-32 differs. Works in browsers and Node;
 * `@tensorseq/download/node` adds paths (and returns a Node `Readable`).
 *
 * @param source - the archive: a `File`/`Blob`, bytes, a `Response`, a stream or a URL.
 * @param entryName - the member's exact name, e.g. `'jena_climate_2009_2016.csv'`.
 * @param options - `maxBytes` for sources read into memory.
 * @returns the member's bytes, as an async iterable of chunks.
 * @throws {@link DownloadError} when the member is missing, encrypted, uses another method than
 * stored/deflate, or its headers disagree.
 * @example
 * const csv = await openZipEntry(await fetch('/jena_climate_2009_2016.csv.zip'), 'jena_climate_2009_2016.csv');
 * for await (const chunk of csv) total += chunk.length; // 43,153,776 bytes
 */
export async function openZipEntry(
  source: ByteSource,
  entryName: string,
  options: ZipSourceOptions = {},
): Promise<AsyncIterable<Uint8Array>> {
  const owner = 'openZipEntry';
  const reader = await zipReader(source, owner, options);
  const directory = await readZipDirectory(owner, reader);
  const entry = findMember(owner, reader.name, directory, entryName);
  const dataStart = await memberDataStart(owner, reader, directory, entry);
  return memberChunks(owner, reader, entry, dataStart);
}

/** Raw slices of a member's compressed data are read this many bytes at a time. */
const SLICE = 1 << 20;

async function* memberChunks(
  owner: string,
  reader: ZipReader,
  entry: ZipEntry,
  dataStart: number,
): AsyncGenerator<Uint8Array> {
  const bad = memberError(owner, reader.name, entry);
  async function* raw(): AsyncGenerator<Uint8Array> {
    const end = dataStart + entry.compressedSize;
    for (let at = dataStart; at < end; at += SLICE) yield reader.read(at, Math.min(SLICE, end - at));
  }
  const inflate = entry.method === 8 && entry.compressedSize > 0;
  const data = inflate ? inflateChunks(raw(), 'deflate-raw', (r) => bad(`corrupt data (${r})`)) : raw();
  let bytes = 0;
  let crc = 0;
  for await (const chunk of data) {
    bytes += chunk.length;
    // Checked per chunk: a zip bomb stops at its declared size, not when memory runs out.
    if (bytes > entry.uncompressedSize) throw bad(`more than the declared ${entry.uncompressedSize} bytes`);
    crc = crc32(chunk, crc);
    yield chunk;
  }
  if (bytes !== entry.uncompressedSize)
    throw bad(`${bytes} bytes, not the declared ${entry.uncompressedSize}`);
  if (crc !== entry.crc32) throw bad('a CRC-32 mismatch');
}
