import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { PassThrough, pipeline, type Readable, Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { crc32 } from '../crc32';
import { DownloadError } from '../download-error';
import {
  memberDataStart,
  memberError,
  readZipDirectory,
  type ZipDirectory,
  type ZipEntry,
  type ZipReader,
} from '../zip-directory';

/**
 * Runs `read` with random access to a zip file, closing the file after.
 *
 * @throws {@link DownloadError} (`bad-argument`) when the file cannot be opened.
 * @example
 * const directory = await withZipFile('listZipEntries', 'a.zip', (r) => readZipDirectory('listZipEntries', r));
 */
export async function withZipFile<T>(
  owner: string,
  zipPath: string,
  read: (reader: ZipReader) => Promise<T>,
): Promise<T> {
  const file = await open(zipPath, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new DownloadError(
      `${owner}: archive must be a readable file. Received: archive=${zipPath} (${error.code}).`,
      'bad-argument',
    );
  });
  try {
    return await read(fileReader(file, zipPath, (await file.stat()).size));
  } finally {
    await file.close();
  }
}

/**
 * The central directory of a zip file.
 *
 * @example
 * const { entries } = await zipFileDirectory('extractZip', 'a.zip');
 */
export function zipFileDirectory(owner: string, zipPath: string): Promise<ZipDirectory> {
  return withZipFile(owner, zipPath, (reader) => readZipDirectory(owner, reader));
}

function fileReader(file: FileHandle, name: string, size: number): ZipReader {
  return {
    name,
    size,
    read: async (position, length) => {
      const buf = Buffer.alloc(length);
      await file.read(buf, 0, length, position);
      return buf;
    },
  };
}

/**
 * Streams a member already found in the directory, inflated by node:zlib (shared by `openZipEntry` and
 * `extractZip`); the stream fails on more or fewer bytes than declared, or a CRC-32 mismatch.
 *
 * @example
 * for await (const chunk of await openZipFileMember('x', 'a.zip', directory, entry)) total += chunk.length;
 */
export async function openZipFileMember(
  owner: string,
  zipPath: string,
  directory: ZipDirectory,
  entry: ZipEntry,
): Promise<Readable> {
  const bad = memberError(owner, zipPath, entry);
  const dataStart = await withZipFile(owner, zipPath, (reader) =>
    memberDataStart(owner, reader, directory, entry),
  );
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
