import { type ByteSource, readBytes } from './byte-source';
import { describeSource } from './read-tar-gz-entries';
import type { ZipReader } from './zip-directory';

/** Options of {@link listZipEntries} and {@link openZipEntry}. */
export interface ZipSourceOptions {
  /**
   * Largest archive read into memory, in bytes, for sources without random access (a `Response`, a stream,
   * a URL); a `Blob`/`File` and bytes are read in place. @defaultValue 2 GiB
   */
  maxBytes?: number;
}

/**
 * Random access to a zip from any {@link ByteSource}: a `Blob`/`File` is sliced (nothing loaded but what
 * is read), bytes are used in place, anything else is read into memory up to `maxBytes` (a zip's
 * directory sits at its end, so a stream must be whole before it can be read).
 *
 * @example
 * const reader = await zipReader(await fetch('/data.zip'), 'listZipEntries', {});
 */
export async function zipReader(
  source: ByteSource,
  owner: string,
  options: ZipSourceOptions,
): Promise<ZipReader> {
  const name = describeSource(source);
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    return {
      name,
      size: source.size,
      read: async (position, length) =>
        new Uint8Array(await source.slice(position, position + length).arrayBuffer()),
    };
  }
  const bytes = await readBytes(source, { maxBytes: options.maxBytes, owner });
  return {
    name,
    size: bytes.length,
    read: async (position, length) => bytes.subarray(position, position + length),
  };
}
