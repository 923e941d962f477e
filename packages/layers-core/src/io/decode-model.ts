import * as tf from '@tensorflow/tfjs-core';
import { registerCoreLayers } from '../register-core-layers';
import type { Sequential } from '../sequential';
import {
  type ArrayEntry,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type ModelArtifacts,
  type SavedModel,
} from './model-format';
import { sha256Hex } from './sha256-hex';

/** Where the two pieces came from, for error messages (file names, URLs or `indexeddb://name`). */
export interface ArtifactNames {
  modelJson: string;
  weights: string;
}

/** The class that rebuilds the topology (passed in, so this module does not import Sequential at runtime). */
export interface ModelClass {
  fromConfig(config: SavedModel['modelTopology']['config']): Sequential;
}

function corrupt(what: string, expectation: string, received: string): Error {
  return new Error(
    `loadModel: ${what} must ${expectation}. Received: ${received}. The saved model is corrupted or truncated.`,
  );
}

function readArray(bytes: Uint8Array, e: ArrayEntry, what: string): Float32Array {
  const size = Array.isArray(e?.shape) ? e.shape.reduce((a, b) => a * b, 1) : Number.NaN;
  if (!Number.isSafeInteger(e?.offset) || e.offset < 0 || !Number.isSafeInteger(size) || size < 0) {
    throw corrupt(what, 'list arrays with integer offsets and shapes', JSON.stringify(e));
  }
  if (e.offset + size * 4 > bytes.byteLength) {
    throw corrupt(
      what,
      `hold ${e.name} at bytes ${e.offset}..${e.offset + size * 4}`,
      `${bytes.byteLength} bytes`,
    );
  }
  // Copy into an aligned buffer: the entry's offset need not be 4-byte aligned in the source buffer.
  const out = new Float32Array(size);
  new Uint8Array(out.buffer).set(bytes.subarray(e.offset, e.offset + size * 4));
  return out;
}

/**
 * Parses and checks `model.json` text (valid JSON, the tensorseq format, a supported version).
 *
 * @example
 * parseModelJson(text, 'models/imdb/model.json').formatVersion // → 1
 */
export function parseModelJson(text: string, what: string): SavedModel {
  let saved: SavedModel;
  try {
    saved = JSON.parse(text) as SavedModel;
  } catch (e) {
    throw corrupt(what, 'be valid JSON', (e as Error).message);
  }
  return checkModelJson(saved, what);
}

function checkModelJson(saved: SavedModel, what: string): SavedModel {
  if (saved?.format !== MODEL_FORMAT) {
    throw corrupt(what, `have format "${MODEL_FORMAT}"`, `format=${JSON.stringify(saved?.format)}`);
  }
  if (saved.formatVersion !== MODEL_FORMAT_VERSION) {
    throw new Error(
      `loadModel: ${what} must have formatVersion ${MODEL_FORMAT_VERSION}. Received: formatVersion=${JSON.stringify(saved.formatVersion)}. To fix this, upgrade @tensorseq/layers-core.`,
    );
  }
  return saved;
}

/**
 * Rebuilds a model from its artifacts after the integrity checks every source shares: format and version,
 * weights byte length and SHA-256, and each array inside the weights. A compiled model comes back compiled,
 * with its optimizer state, so training resumes exactly where it stopped.
 *
 * @example
 * const model = await decodeModel(await encodeModel(original), Sequential, { modelJson: 'memory', weights: 'memory' });
 */
export async function decodeModel(
  artifacts: ModelArtifacts,
  ModelClass: ModelClass,
  names: ArtifactNames,
): Promise<Sequential> {
  registerCoreLayers();
  const saved = checkModelJson(artifacts.modelJson, names.modelJson);
  const bytes = artifacts.weights;
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(
      `loadModel: weights must be a Uint8Array. Received: weights=${Object.prototype.toString.call(bytes)}.`,
    );
  }
  if (bytes.byteLength !== saved.weightsByteLength) {
    throw corrupt(names.weights, `hold ${saved.weightsByteLength} bytes`, `${bytes.byteLength} bytes`);
  }
  const sha = await sha256Hex(bytes);
  if (sha !== saved.weightsSha256) throw corrupt(names.weights, `have SHA-256 ${saved.weightsSha256}`, sha);
  const model = ModelClass.fromConfig(saved.modelTopology.config);
  model.build();
  const values = saved.weights.map((e) => tf.tensor(readArray(bytes, e, names.weights), e.shape));
  try {
    model.setWeights(values);
  } finally {
    for (const v of values) v.dispose();
  }
  if (saved.trainingConfig) {
    const { loss, metrics, optimizer } = saved.trainingConfig;
    model.compile({ loss, metrics, optimizer });
    if (saved.optimizerState) {
      const slots = saved.optimizerState.slots.map((e) => ({
        name: e.name,
        shape: e.shape,
        data: readArray(bytes, e, names.weights),
      }));
      model.optimizer?.setState({ iterations: saved.optimizerState.iterations, slots });
    }
  }
  return model;
}
