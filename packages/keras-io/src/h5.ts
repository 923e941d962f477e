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
  // HDF5 errors become exceptions (instead of a diagnostic dump on stderr) while we hold the file.
  h5.Module.activate_throwing_error_handler();
  try {
    file = new h5.File(path, 'r');
    return read(file);
  } catch (error) {
    if (KerasIoError.isInstance(error)) throw error;
    throw new KerasIoError(
      'bad-file',
      `${owner}: the file must be a readable Keras HDF5 file. Received: ${reason(error)}.`,
      { cause: error },
    );
  } finally {
    try {
      file?.close();
    } finally {
      h5.Module.deactivate_throwing_error_handler();
      fs.unlink(path);
    }
  }
}

/** The most specific line of an HDF5 error stack (`... in H5F__super_read(): truncated file: eof = 100`), else the message. */
function reason(error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  const details = [...message.matchAll(/ in (\w+)\(\): (.+)$/gm)];
  const text = details.length ? details[details.length - 1][2] : message.split('\n')[0];
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
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
  h5.Module.activate_throwing_error_handler();
  try {
    const file = new h5.File(path, 'w');
    try {
      write(file);
    } finally {
      file.close();
    }
  } catch (error) {
    fs.unlink(path);
    throw error;
  } finally {
    h5.Module.deactivate_throwing_error_handler();
  }
  try {
    return fs.readFile(path);
  } finally {
    fs.unlink(path);
  }
}

function uniqueTag(): string {
  return Math.random().toString(36).slice(2, 10);
}
