import type * as H5 from 'h5wasm';
import { KerasIoError } from './keras-io-error';

/** The h5wasm module, once its WebAssembly has started. */
export type H5Module = typeof H5;
/** An open HDF5 file or one of its groups. */
export type H5Group = H5.Group;
/** A dataset in an open HDF5 file. */
export type H5Dataset = H5.Dataset;

let module: Promise<H5Module> | null = null;
let counter = 0;

/**
 * Loads h5wasm (the HDF5 C library in WebAssembly) once, on first use. A dynamic `import()` keeps the
 * ESM-only h5wasm loadable from this package's CommonJS build too.
 *
 * @example
 * const h5 = await loadH5(); // h5.File is ready to use
 */
export function loadH5(): Promise<H5Module> {
  module ??= import('h5wasm').then(async (h5) => {
    await h5.ready;
    return h5;
  });
  return module;
}

/**
 * Opens HDF5 bytes read-only in h5wasm's in-memory file system, runs `read`, then closes and deletes the
 * in-memory copy (also when `read` throws).
 *
 * @example
 * const names = await readH5(bytes, (file) => file.keys()); // → ['model_weights', ...]
 */
export async function readH5<T>(bytes: Uint8Array, read: (file: H5.File) => T, owner: string): Promise<T> {
  const h5 = await loadH5();
  const path = `/tensorseq-keras-io-${uniqueTag()}-${counter++}.h5`;
  const fs = h5.FS as NonNullable<H5Module['FS']>;
  fs.writeFile(path, bytes);
  let file: H5.File | null = null;
  try {
    try {
      file = new h5.File(path, 'r');
    } catch (error) {
      throw new KerasIoError(
        'bad-file',
        `${owner}: the file must be a readable HDF5 file. Received: ${String((error as Error)?.message ?? error)}.`,
      );
    }
    return read(file);
  } finally {
    file?.close();
    fs.unlink(path);
  }
}

/**
 * Creates an HDF5 file in memory, lets `write` fill it, and returns its bytes.
 *
 * @example
 * const bytes = await writeH5((file) => file.create_group('layers'));
 */
export async function writeH5(write: (file: H5.File) => void): Promise<Uint8Array> {
  const h5 = await loadH5();
  const path = `/tensorseq-keras-io-${uniqueTag()}-${counter++}.h5`;
  const fs = h5.FS as NonNullable<H5Module['FS']>;
  const file = new h5.File(path, 'w');
  try {
    write(file);
  } catch (error) {
    file.close();
    fs.unlink(path);
    throw error;
  }
  file.close();
  try {
    return fs.readFile(path);
  } finally {
    fs.unlink(path);
  }
}

function uniqueTag(): string {
  return Math.random().toString(36).slice(2, 10);
}
