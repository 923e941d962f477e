import { strFromU8, unzipSync } from 'fflate';
import { KerasIoError } from './keras-io-error';

/** The three members of a zip `.keras` file that tensorseq reads. */
export interface KerasArchive {
  config: string;
  metadata: string | null;
  weights: Uint8Array;
}

const MEMBERS = ['config.json', 'metadata.json', 'model.weights.h5'];

/**
 * Unzips a `.keras` archive in memory, reading only `config.json`, `metadata.json` and
 * `model.weights.h5`, each at most `maxBytes` uncompressed (checked on the declared and the actual size).
 *
 * @example
 * readArchive(bytes, 1e9, 'loadKerasModel').config // → '{"module": "keras", "class_name": "Sequential", ...'
 */
export function readArchive(bytes: Uint8Array, maxBytes: number, owner: string): KerasArchive {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!MEMBERS.includes(file.name)) return false;
        if (file.originalSize > maxBytes) {
          throw new KerasIoError(
            'too-large',
            `${owner}: ${file.name} must be at most maxBytes=${maxBytes} bytes. Received: ${file.originalSize} bytes declared. To fix this, pass a larger maxBytes.`,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (KerasIoError.isInstance(error)) throw error;
    throw new KerasIoError(
      'bad-file',
      `${owner}: the .keras file must be a valid zip archive. Received: ${(error as Error).message}.`,
    );
  }
  for (const name of ['config.json', 'model.weights.h5']) {
    if (!Object.hasOwn(files, name)) {
      throw new KerasIoError(
        'bad-file',
        `${owner}: a zip .keras file must contain ${name}. Received: ${Object.keys(files).join(', ') || 'none of config.json, metadata.json, model.weights.h5'}.`,
      );
    }
  }
  for (const [name, data] of Object.entries(files)) {
    if (data.length > maxBytes) {
      throw new KerasIoError(
        'too-large',
        `${owner}: ${name} must be at most maxBytes=${maxBytes} bytes. Received: ${data.length} bytes.`,
      );
    }
  }
  return {
    config: strFromU8(files['config.json']),
    metadata: Object.hasOwn(files, 'metadata.json') ? strFromU8(files['metadata.json']) : null,
    weights: files['model.weights.h5'],
  };
}
