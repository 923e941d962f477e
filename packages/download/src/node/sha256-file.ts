import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * Feeds a whole file into a hash, streaming (constant memory).
 *
 * @example
 * const hash = createHash('sha256');
 * await hashFileInto('a.bin', hash);
 */
export async function hashFileInto(path: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
  }
}

/**
 * The sha256 of a file as lower-case hex, streaming.
 *
 * @param path - the file to hash.
 * @returns 64 hex digits.
 * @example
 * await sha256File('aclImdb_v1.tar.gz') // → 'c40f74a18d3b61f9…'
 */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await hashFileInto(path, hash);
  return hash.digest('hex');
}
