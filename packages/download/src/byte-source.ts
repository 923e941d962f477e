import { DownloadError } from './download-error';

/**
 * Bytes as every runtime hands them out: in memory (`Uint8Array`, `ArrayBuffer`), a `Blob` or `File`, a
 * fetch `Response`, a web `ReadableStream`, any async iterable of chunks (a Node stream is one), or an
 * `http(s):`, `data:` or `blob:` URL that is fetched. File paths are read by the `./node` entry.
 */
export type ByteSource =
  | Uint8Array
  | ArrayBuffer
  | Blob
  | Response
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | string
  | URL;

/**
 * The bytes of `source` as chunks, streaming (a `Blob` is read slice by slice, a URL is fetched). Chunks
 * that are not bytes (a stream with a text encoding) fail with a `DownloadError` naming `owner`.
 *
 * @param source - see {@link ByteSource}.
 * @param owner - the calling function, for error messages.
 * @example
 * for await (const chunk of byteChunks(await fetch(url), 'mine')) total += chunk.length;
 */
export async function* byteChunks(source: ByteSource, owner: string): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
  } else if (source instanceof ArrayBuffer) {
    yield new Uint8Array(source);
  } else if (typeof Blob !== 'undefined' && source instanceof Blob) {
    for (let at = 0; at < source.size; at += BLOB_SLICE) {
      yield new Uint8Array(await source.slice(at, at + BLOB_SLICE).arrayBuffer());
    }
  } else if (typeof source === 'string' || source instanceof URL) {
    yield* byteChunks(await fetchOk(source, owner), owner);
  } else if (typeof Response !== 'undefined' && source instanceof Response) {
    if (source.body !== null) yield* readerChunks(source.body, owner);
  } else if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) {
    yield* readerChunks(source, owner);
  } else if (source !== null && typeof source === 'object' && Symbol.asyncIterator in source) {
    for await (const chunk of source) yield checkChunk(chunk, owner);
  } else {
    throw new DownloadError(
      `${owner}: source must be a Uint8Array, an ArrayBuffer, a Blob, a Response, a ReadableStream, an async iterable of Uint8Array or an http(s) URL. Received: source=${Object.prototype.toString.call(source)}.`,
      'bad-argument',
    );
  }
}

/**
 * The whole of `source` in one `Uint8Array`, refusing more than `maxBytes` (checked on `Content-Length`,
 * `Blob.size` and while streaming, so a hostile source never fills memory).
 *
 * @param source - see {@link ByteSource}.
 * @param options - `maxBytes` (default 2 GiB) and `owner`, the function named in errors.
 * @throws {@link DownloadError} (`too-large`) past `maxBytes`; (`bad-argument`) for another kind of source.
 * @example
 * const bytes = await readBytes(new Blob(['abc'])); // → Uint8Array [97, 98, 99]
 */
export async function readBytes(
  source: ByteSource,
  options: { maxBytes?: number; owner?: string } = {},
): Promise<Uint8Array> {
  const { maxBytes = 2 * 2 ** 30, owner = 'readBytes' } = options;
  if (!(Number.isSafeInteger(maxBytes) && maxBytes >= 0)) {
    throw new DownloadError(
      `${owner}: maxBytes must be a non-negative integer. Received: maxBytes=${maxBytes}.`,
      'bad-argument',
    );
  }
  if (source instanceof Uint8Array) return checkTotal(source, owner, maxBytes);
  if (source instanceof ArrayBuffer) return checkTotal(new Uint8Array(source), owner, maxBytes);
  if (typeof source === 'string' || source instanceof URL) source = await fetchOk(source, owner);
  const declared = declaredSize(source);
  if (declared !== undefined && declared > maxBytes) throw tooLarge(owner, declared, maxBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of byteChunks(source, owner)) {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge(owner, total, maxBytes);
    chunks.push(chunk);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** A `Blob` is read in slices of this many bytes (bounded memory for multi-GB files). */
const BLOB_SLICE = 1 << 22;

function declaredSize(source: ByteSource): number | undefined {
  if (typeof Blob !== 'undefined' && source instanceof Blob) return source.size;
  if (typeof Response !== 'undefined' && source instanceof Response) {
    const length = source.headers.get('content-length');
    return length === null ? undefined : Number(length);
  }
  return undefined;
}

async function fetchOk(url: string | URL, owner: string): Promise<Response> {
  const href = String(url);
  if (!/^(https?|data|blob):/i.test(href)) {
    throw new DownloadError(
      `${owner}: a string source must be an http(s), data: or blob: URL. Received: source=${href}. To fix this, import from "@tensorseq/download/node" (or the package's "/node" entry) to read a file path.`,
      'bad-argument',
    );
  }
  const response = await fetch(href);
  if (!response.ok) {
    await response.body?.cancel();
    throw new DownloadError(
      `${owner}: the URL must answer 200. Received: status=${response.status} for ${href}.`,
      'http-status',
      response.status >= 500,
    );
  }
  return response;
}

async function* readerChunks(stream: ReadableStream<Uint8Array>, owner: string): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield checkChunk(value, owner);
    }
  } finally {
    // An early exit (an error, a consumer that stops) cancels the stream instead of leaving it locked.
    await reader.cancel().catch(() => undefined);
  }
}

function checkChunk(chunk: unknown, owner: string): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  throw new DownloadError(
    `${owner}: stream chunks must be bytes (Uint8Array); set no text encoding on the stream. Received: chunk=${typeof chunk}.`,
    'bad-argument',
  );
}

function checkTotal(bytes: Uint8Array, owner: string, maxBytes: number): Uint8Array {
  if (bytes.length > maxBytes) throw tooLarge(owner, bytes.length, maxBytes);
  return bytes;
}

function tooLarge(owner: string, bytes: number, maxBytes: number): DownloadError {
  return new DownloadError(
    `${owner}: the source must be at most maxBytes=${maxBytes} bytes. Received: ${bytes} bytes.`,
    'too-large',
  );
}
