import { fileURLToPath } from 'node:url';
import type { ByteSource } from '../byte-source';

/** What the `./node` entry reads: a file path or `file:` URL, or any {@link ByteSource} of the main entry. */
export type NodeByteSource = ByteSource;

/**
 * The file path a `./node` source names, or `undefined` for a source the universal reader takes (bytes,
 * streams, `http(s):`/`data:`/`blob:` URLs).
 *
 * @example
 * filePathOf('data/a.zip') // → 'data/a.zip'
 * filePathOf('https://example.com/a.zip') // → undefined
 */
export function filePathOf(source: NodeByteSource): string | undefined {
  if (source instanceof URL) return source.protocol === 'file:' ? fileURLToPath(source) : undefined;
  if (typeof source !== 'string' || /^(https?|data|blob):/i.test(source)) return undefined;
  return source.startsWith('file:') ? fileURLToPath(source) : source;
}
