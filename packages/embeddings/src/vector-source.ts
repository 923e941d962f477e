import { type ByteSource, byteChunks, openZipEntry } from '@tensorseq/download';
import type { ByteReader } from './byte-window';

/** One member of a zip archive, e.g. `{ zip: file, member: 'glove.6B.100d.txt' }`. */
export interface ZipMemberSource<Zip = ByteSource> {
  /** The archive: a `File`/`Blob`, bytes, a `Response`, a stream or an http(s) URL (and a path in Node). */
  zip: Zip;
  /** The member's exact name inside the archive. */
  member: string;
}

/**
 * Where the main entry reads vectors from: bytes (`Uint8Array`, `ArrayBuffer`), a `Blob`/`File`, a fetch
 * `Response`, a `ReadableStream` or any async iterable of `Uint8Array` chunks (a Node stream is one), an
 * `http(s):` URL (fetched, not cached), or a member of a zip archive given as any of those. File paths,
 * `file:` URLs and the download cache are `@tensorseq/embeddings/node`'s.
 *
 * @example
 * await loadGlove(await fetch('/glove.6B.50d.txt'));
 * await loadGlove({ zip: fileInput.files[0], member: 'glove.6B.100d.txt' });
 */
export type VectorSource = ByteSource | ZipMemberSource;

/**
 * Opens a universal source for reading: a zip member is inflated as it streams, anything else is read
 * chunk by chunk.
 *
 * @example
 * const reader = await openVectorSource('loadGlove', new Blob(['the 0.1 0.2\n']));
 */
export async function openVectorSource(owner: string, source: VectorSource): Promise<ByteReader> {
  if (isZipMember(source)) {
    return iterableReader(await openZipEntry(source.zip, source.member), undefined);
  }
  return iterableReader(byteChunks(source, owner), sizeOf(source));
}

/**
 * True for a `{ zip, member }` source.
 *
 * @example
 * isZipMember({ zip: 'a.zip', member: 'a.txt' }) // → true
 */
export function isZipMember<Zip>(source: unknown): source is ZipMemberSource<Zip> {
  return typeof source === 'object' && source !== null && 'zip' in source && 'member' in source;
}

function sizeOf(source: ByteSource): number | undefined {
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) return source.byteLength;
  if (typeof Blob !== 'undefined' && source instanceof Blob) return source.size;
  if (typeof Response !== 'undefined' && source instanceof Response) {
    const length = source.headers.get('content-length');
    return length === null ? undefined : Number(length);
  }
  return undefined;
}

/**
 * A reader over chunks, for `ByteWindow`; `size` is the total when known (for progress).
 *
 * @example
 * const reader = iterableReader(createReadStream('a.txt'), undefined);
 */
export function iterableReader(source: AsyncIterable<Uint8Array>, size: number | undefined): ByteReader {
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
