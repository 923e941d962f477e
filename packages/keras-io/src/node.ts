import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { Sequential } from '@tensorseq/layers-core';
import { encodeKerasModel, resolveFormat, type SaveKerasModelOptions } from './encode-keras-model';
import { type LoadKerasModelOptions, loadKerasModelFromBytes, resolveLoadOptions } from './load-keras-model';
import { type LoadKerasWeightsOptions, loadKerasWeightsFromBytes } from './load-keras-weights';
import { type KerasNodeSource, readFileSource } from './read-file-source';

export { encodeKerasModel, type KerasFormat, type SaveKerasModelOptions } from './encode-keras-model';
export { KerasIoError, type KerasIoErrorCode } from './keras-io-error';
export type { LoadKerasModelOptions } from './load-keras-model';
export type { LoadKerasWeightsOptions } from './load-keras-weights';
export type { KerasNodeSource } from './read-file-source';
export type { KerasSource } from './read-source';

/**
 * `loadKerasModel` of the main entry, plus file paths and `file:` URLs (Node only).
 *
 * @example
 * const model = await loadKerasModel('jena_gru.keras');
 * model.predict(tf.zeros([1, 120, 14])).shape; // → [1, 1]
 */
export async function loadKerasModel(
  source: KerasNodeSource,
  options: LoadKerasModelOptions = {},
): Promise<Sequential> {
  const resolved = resolveLoadOptions(options, 'loadKerasModel');
  return loadKerasModelFromBytes(await readFileSource(source, 'loadKerasModel', resolved.maxBytes), resolved);
}

/**
 * `loadKerasWeights` of the main entry, plus file paths and `file:` URLs (Node only).
 *
 * @example
 * await loadKerasWeights(model, 'jena_gru.weights.h5');
 */
export async function loadKerasWeights(
  model: Sequential,
  source: KerasNodeSource,
  options: LoadKerasWeightsOptions = {},
): Promise<void> {
  const { maxBytes } = resolveLoadOptions({ maxBytes: options.maxBytes }, 'loadKerasWeights');
  await loadKerasWeightsFromBytes(
    model,
    await readFileSource(source, 'loadKerasWeights', maxBytes),
    maxBytes,
  );
}

/**
 * Writes a model as a file Keras opens: `format: 'keras'` (default, Keras 3's zip format) or `'h5'`
 * (tf.keras 2's legacy HDF5). The file appears complete or not at all (written to a temporary name in
 * the same folder, then renamed).
 *
 * @example
 * await saveKerasModel(model, 'imdb_lstm.keras'); // Python: keras.saving.load_model('imdb_lstm.keras')
 */
export async function saveKerasModel(
  model: Sequential,
  path: string,
  options: SaveKerasModelOptions = {},
): Promise<void> {
  resolveFormat(options, 'saveKerasModel');
  const bytes = await encodeKerasModel(model, options);
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
