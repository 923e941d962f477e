import type { Sequential } from '../sequential';
import { decodeModel, type ModelClass } from './decode-model';
import { encodeModel } from './encode-model';
import type { ModelArtifacts } from './model-format';
import {
  type LoadSource,
  loadArtifacts,
  type SaveOptions,
  type SaveTarget,
  saveArtifacts,
} from './model-handlers';

/**
 * Encodes a model in the tensorseq model format and, when a target is given, writes it there (memory,
 * IndexedDB, a download, a handler, or a directory once `@tensorseq/layers-core/node` is imported).
 *
 * @returns What was written: `{ modelJson, weights }`.
 * @example
 * const { modelJson, weights } = await saveSequential(model); // memory only
 * await saveSequential(model, 'indexeddb://imdb');
 */
export async function saveSequential(
  model: Sequential,
  target?: SaveTarget,
  options: SaveOptions = {},
): Promise<ModelArtifacts> {
  const artifacts = await encodeModel(model);
  if (target !== undefined) await saveArtifacts(artifacts, target, options);
  return artifacts;
}

/**
 * Reads saved artifacts from a source and rebuilds the model with `modelClass` (passed in, so that io does
 * not import Sequential at runtime).
 *
 * @example
 * const model = await loadSequential('indexeddb://imdb', Sequential);
 */
export async function loadSequential(source: LoadSource, modelClass: ModelClass): Promise<Sequential> {
  const { artifacts, names } = await loadArtifacts(source);
  return decodeModel(artifacts, modelClass, names);
}
