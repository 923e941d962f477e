import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type DownloadOptions, download, listZipEntries, openZipEntry } from '@tensorseq/download';
import type { ByteReader } from './byte-window';

/** One member of a zip archive, e.g. `{ zip: 'glove.6B.zip', member: 'glove.6B.100d.txt' }`. */
export interface ZipMemberSource {
  /** The archive: a path, a `file:` URL, or an `https:` URL downloaded into the cache first. */
  zip: string | URL;
  /** The member's exact name inside the archive. */
  member: string;
}

/**
 * Where vectors are read from: a file path, a URL (`file:`, or `https:` downloaded into the cache once),
 * a member of a zip archive, or a stream of bytes (a Node `Readable`, a WHATWG `ReadableStream`, any
 * async iterable of `Uint8Array` chunks).
 *
 * @example
 * await loadGlove('glove.6B.100d.txt');
 * await loadGlove({ zip: 'glove.6B.zip', member: 'glove.6B.100d.txt' });
 * await loadWord2Vec(createReadStream('vectors.bin'), { binary: true });
 */
export type VectorSource = string | URL | ZipMemberSource | AsyncIterable<Uint8Array>;

/** Opens a source for reading; URLs go through `@tensorseq/download` (cache, checksum, resume). */
export async function openVectorSource(
  owner: string,
  source: VectorSource,
  downloadOptions: DownloadOptions = {},
): Promise<ByteReader> {
  if (typeof source === 'string' || source instanceof URL) {
    return openFile(await localPath(owner, source, downloadOptions));
  }
  if (isZipMember(source)) {
    const zipPath = await localPath(owner, source.zip, downloadOptions);
    const entry = (await listZipEntries(zipPath)).find((e) => e.name === source.member);
    return iterableReader(await openZipEntry(zipPath, source.member), entry?.uncompressedSize);
  }
  if (typeof source === 'object' && source !== null && Symbol.asyncIterator in source) {
    return iterableReader(source, undefined);
  }
  throw new TypeError(
    `${owner}: source must be a path, a URL, a { zip, member } or a stream. Received: source=${String(source)}.`,
  );
}

/** A local path for a path or URL, downloading `http(s):` URLs into the cache. */
async function localPath(
  owner: string,
  source: string | URL,
  downloadOptions: DownloadOptions,
): Promise<string> {
  const url = source instanceof URL ? source : /^https?:\/\//i.test(source) ? new URL(source) : undefined;
  if (url === undefined) return source as string;
  if (url.protocol === 'file:') return fileURLToPath(url);
  if (url.protocol === 'https:' || url.protocol === 'http:') return download(url.href, downloadOptions);
  throw new TypeError(
    `${owner}: source must be a path, a URL, a { zip, member } or a stream. Received: source=${url.href}.`,
  );
}

function isZipMember(source: object): source is ZipMemberSource {
  return 'zip' in source && 'member' in source;
}

async function openFile(path: string): Promise<ByteReader> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(target, offset, length) {
      const { bytesRead } = await handle.read(target, offset, length, null);
      return bytesRead;
    },
    close: () => handle.close(),
  };
}

function iterableReader(source: AsyncIterable<Uint8Array>, size: number | undefined): ByteReader {
  const iterator = source[Symbol.asyncIterator]();
  let pending: Uint8Array = new Uint8Array(0);
  let done = false;
  return {
    size,
    async read(target, offset, length) {
      while (pending.length === 0 && !done) {
        const next = await iterator.next();
        if (next.done) done = true;
        else pending = toBytes(next.value);
      }
      const n = Math.min(length, pending.length);
      target.set(pending.subarray(0, n), offset);
      pending = pending.subarray(n);
      return n;
    },
    async close() {
      if (!done) await iterator.return?.();
    },
  };
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  throw new TypeError(
    `openVectorSource: stream chunks must be bytes (Uint8Array or Buffer); set no encoding on the stream. Received: chunk=${typeof chunk}.`,
  );
}
