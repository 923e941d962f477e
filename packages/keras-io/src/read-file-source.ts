import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { KerasIoError } from './keras-io-error';
import { type KerasSource, readSource } from './read-source';

/** What the `./node` entry reads a model from: a file path or `file:` URL, or anything the universal entry takes. */
export type KerasNodeSource = KerasSource;

/**
 * Reads a path (or `file:` URL) from disk, refusing files over `maxBytes` before reading them; other
 * sources (bytes, `Response`, http(s) URLs) go to the universal reader.
 *
 * @example
 * await readFileSource('model.keras', 'loadKerasModel', 2 ** 31) // → Uint8Array
 */
export async function readFileSource(
  source: KerasNodeSource,
  owner: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const isPath =
    (typeof source === 'string' && !/^(https?|data|blob):/i.test(source)) ||
    (source instanceof URL && source.protocol === 'file:');
  if (!isPath) return readSource(source, owner, maxBytes);
  const path =
    source instanceof URL || (source as string).startsWith('file:')
      ? fileURLToPath(source)
      : (source as string);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new KerasIoError(
      'bad-source',
      `${owner}: source must be a readable file. Received: source="${path}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      throw new KerasIoError(
        'too-large',
        `${owner}: the file must be at most maxBytes=${maxBytes} bytes. Received: ${size} bytes. To fix this, pass a larger maxBytes.`,
      );
    }
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}
