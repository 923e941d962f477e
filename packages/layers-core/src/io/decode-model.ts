import * as tf from '@tensorflow/tfjs-core';
import { registerCoreLayers } from '../register-core-layers';
import type { Sequential } from '../sequential';
import { checkSavedModel, corrupt } from './check-saved-model';
import { manifestSha256 } from './manifest-checksum';
import { type ArrayEntry, MODEL_FORMAT_VERSION, type ModelArtifacts, type SavedModel } from './model-format';
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
 * Parses `model.json` text into an object; every field is checked later, in {@link decodeModel}, so all
 * sources share the checks.
 *
 * @example
 * parseModelJson(text, 'models/imdb/model.json').formatVersion // → 2
 */
export function parseModelJson(text: string, what: string): SavedModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw corrupt(what, 'be valid JSON', (e as Error).message);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw corrupt(what, 'hold a JSON object', parsed === null ? 'null' : typeof parsed);
  }
  return parsed as SavedModel;
}

/**
 * Checks an untrusted `model.json` object: a format version this build reads, the manifest checksum
 * (any edit is reported as one), then every field on its own (see checkSavedModel).
 */
async function checkModelJson(value: unknown, what: string): Promise<SavedModel> {
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (Number.isInteger(version) && (version as number) > MODEL_FORMAT_VERSION) {
    throw new Error(
      `loadModel: ${what} must have formatVersion ${MODEL_FORMAT_VERSION} or lower. Received: formatVersion=${version}. To fix this, upgrade @tensorseq/layers-core.`,
    );
  }
  const claimed = (value as { manifestSha256?: unknown } | null)?.manifestSha256;
  if (typeof claimed === 'string') {
    const actual = await manifestSha256(value as SavedModel);
    if (actual !== claimed) throw corrupt(what, `have manifestSha256 ${claimed} (it was edited)`, actual);
  }
  return checkSavedModel(value, what);
}

/** The saved weights and optimizer slots must be exactly the ones the rebuilt model has. */
function checkAgainstModel(model: Sequential, saved: SavedModel, what: string): void {
  const weights = model.weights;
  if (weights.length !== saved.weights.length) {
    throw corrupt(what, `list the model's ${weights.length} weights`, `${saved.weights.length} entries`);
  }
  weights.forEach((w, i) => {
    const e = saved.weights[i];
    if (e.name !== w.name || e.shape.join() !== w.shape.join()) {
      throw corrupt(
        what,
        `list weight ${i} as ${w.name} [${w.shape}]`,
        `${JSON.stringify(e.name)} [${e.shape}]`,
      );
    }
  });
  const seen = new Set<string>();
  const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
  for (const slot of saved.optimizerState?.slots ?? []) {
    const owner = weights.find(
      (w) => slot.name.startsWith(`${w.name}/`) && !slot.name.slice(w.name.length + 1).includes('/'),
    );
    if (owner === undefined || size(owner.shape) !== size(slot.shape) || seen.has(slot.name)) {
      throw corrupt(
        what,
        'hold one optimizer slot per weight and slot name, the size of its weight',
        `slot ${JSON.stringify(slot.name)} [${slot.shape}]`,
      );
    }
    seen.add(slot.name);
  }
}

/**
 * Rebuilds a model from its artifacts after the integrity checks every source shares: format and version,
 * the manifest checksum, every field of `model.json` (arrays tile the weights exactly, shapes and names
 * match the rebuilt model's weights, slots match their weights, `iterations` is a count), and the weights'
 * byte length and SHA-256, all before any weight is set. A compiled model comes back compiled, with its
 * optimizer state, so training resumes exactly where it stopped.
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
  const saved = await checkModelJson(artifacts.modelJson, names.modelJson);
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
  let model: Sequential;
  try {
    model = ModelClass.fromConfig(saved.modelTopology.config);
    model.build();
  } catch (e) {
    throw corrupt(names.modelJson, 'describe a model tensorseq can build', (e as Error).message);
  }
  try {
    checkAgainstModel(model, saved, names.modelJson);
    const values = saved.weights.map((e) => tf.tensor(readArray(bytes, e, names.weights), e.shape));
    try {
      model.setWeights(values);
    } finally {
      for (const v of values) v.dispose();
    }
    if (saved.trainingConfig) {
      const { loss, metrics, optimizer } = saved.trainingConfig;
      try {
        model.compile({ loss, metrics, optimizer });
      } catch (e) {
        throw corrupt(names.modelJson, 'hold compile options tensorseq accepts', (e as Error).message);
      }
      if (saved.optimizerState) {
        const slots = saved.optimizerState.slots.map((e) => ({
          name: e.name,
          shape: e.shape,
          data: readArray(bytes, e, names.weights),
        }));
        model.optimizer?.setState({ iterations: saved.optimizerState.iterations, slots });
      }
    }
  } catch (e) {
    model.dispose();
    throw e;
  }
  return model;
}
