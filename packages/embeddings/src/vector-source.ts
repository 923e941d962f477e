import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ByteReader } from './byte-window';

/**
 * Where vectors are read from: a file path, a `file:` URL, or a stream of bytes (a Node `Readable`, a
 * WHATWG `ReadableStream`, any async iterable of `Uint8Array` chunks).
 */
export type VectorSource = string | URL | AsyncIterable<Uint8Array>;

/** Opens a source for reading. */
export async function openVectorSource(owner: string, source: VectorSource): Promise<ByteReader> {
  if (typeof source === 'string') return openFile(source);
  if (source instanceof URL) {
    if (source.protocol === 'file:') return openFile(fileURLToPath(source));
    throw new TypeError(
      `${owner}: source must be a path, a file: URL or a stream. Received: source=${source.href}.`,
    );
  }
  if (typeof source === 'object' && source !== null && Symbol.asyncIterator in source) {
    return iterableReader(source);
  }
  throw new TypeError(
    `${owner}: source must be a path, a file: URL or a stream. Received: source=${String(source)}.`,
  );
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

function iterableReader(source: AsyncIterable<Uint8Array>): ByteReader {
  const iterator = source[Symbol.asyncIterator]();
  let pending: Uint8Array = new Uint8Array(0);
  let done = false;
  return {
    size: undefined,
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
