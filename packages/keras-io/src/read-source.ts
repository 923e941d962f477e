import { DownloadError, readBytes } from '@tensorseq/download';
import { KerasIoError } from './keras-io-error';

/** What the universal entry reads a model from: bytes, a fetch `Response`, or an http(s)/data/blob URL. */
export type KerasSource = Uint8Array | ArrayBuffer | Response | string | URL;

/** Files larger than this are refused unless `maxBytes` says otherwise (2 GiB). */
export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

/**
 * Reads a model source into memory, refusing more than `maxBytes` (checked on `Content-Length` and
 * while streaming).
 *
 * @example
 * await readSource(new Uint8Array([1, 2]), 'loadKerasModel', 100) // → Uint8Array [1, 2]
 */
export async function readSource(source: KerasSource, owner: string, maxBytes: number): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return checkSize(source, owner, maxBytes);
  if (source instanceof ArrayBuffer) return checkSize(new Uint8Array(source), owner, maxBytes);
  if (typeof Response !== 'undefined' && source instanceof Response)
    return readResponse(source, owner, maxBytes);
  if (typeof source === 'string' || source instanceof URL) {
    const url = String(source);
    if (!/^(https?|data|blob):/i.test(url)) {
      throw new KerasIoError(
        'bad-source',
        `${owner}: source must be bytes, a Response or an http(s) URL. Received: source="${url}". To fix this, import from "@tensorseq/keras-io/node" to read a file path.`,
      );
    }
    const response = await fetch(url);
    if (!response.ok) {
      throw new KerasIoError(
        'bad-source',
        `${owner}: source must be a URL that answers 200. Received: ${response.status} ${response.statusText} from ${url}.`,
      );
    }
    return readResponse(response, owner, maxBytes);
  }
  throw new KerasIoError(
    'bad-source',
    `${owner}: source must be a Uint8Array, an ArrayBuffer, a Response or a URL string. Received: source=${Object.prototype.toString.call(source)}.`,
  );
}

function checkSize(bytes: Uint8Array, owner: string, maxBytes: number): Uint8Array {
  if (bytes.length > maxBytes) throw tooLarge(owner, bytes.length, maxBytes);
  return bytes;
}

function tooLarge(owner: string, size: number, maxBytes: number): KerasIoError {
  return new KerasIoError(
    'too-large',
    `${owner}: the file must be at most maxBytes=${maxBytes} bytes. Received: ${size} bytes. To fix this, pass a larger maxBytes.`,
  );
}

async function readResponse(response: Response, owner: string, maxBytes: number): Promise<Uint8Array> {
  try {
    return await readBytes(response, { maxBytes, owner });
  } catch (error) {
    // One streaming reader (size caps, cancellation) for every package; only the error type is ours.
    if (DownloadError.isInstance(error) && error.code === 'too-large') {
      throw new KerasIoError('too-large', `${error.message} To fix this, pass a larger maxBytes.`);
    }
    throw error;
  }
}
