import * as tf from '@tensorflow/tfjs-core';
import { registerCoreLayers } from '../register-core-layers';
import { Sequential } from '../sequential';
import { checkSavedModel, corrupt } from './check-saved-model';
import { manifestSha256 } from './manifest-checksum';
import { type ArrayEntry, type SavedModel, TOPOLOGY_FILE, WEIGHTS_FILE } from './model-format';

function readArray(bytes: Buffer, e: ArrayEntry): Float32Array {
  const size = tf.util.sizeFromShape(e.shape);
  // Copy into an aligned buffer: the entry's offset inside the file buffer need not be 4-byte aligned.
  const out = new Float32Array(size);
  new Uint8Array(out.buffer).set(bytes.subarray(e.offset, e.offset + size * 4));
  return out;
}

/**
 * Loads a model written by `Sequential.save`: rebuilds the layers, sets the weights and, when the model
 * was compiled, compiles it again with the saved optimizer state so training resumes exactly where it
 * stopped. Layers from other packages must be registered (`registerLayer`) first (Node only).
 *
 * Nothing in `model.json` is trusted: its checksum covers the topology, the compile options, the weights
 * manifest and the optimizer state, and every field is also checked against the weights file and the
 * rebuilt model (offsets tile the file, shapes match the layers' weights, slots match their weights,
 * `iterations` is a count) before any weight is set.
 *
 * @throws Error naming the file when it is missing, truncated, edited, or its checksum does not match.
 * @example
 * const model = await loadModel('models/imdb');
 * model.predict(xTest);
 */
export async function loadModel(dir: string): Promise<Sequential> {
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  const { createHash } = await import('node:crypto');
  registerCoreLayers();
  const topoFile = path.join(dir, TOPOLOGY_FILE);
  const weightsFile = path.join(dir, WEIGHTS_FILE);
  const text = await fs.readFile(topoFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new Error(`loadModel: ${topoFile} must exist. Received: ${e.code ?? e.message}.`);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw corrupt(topoFile, 'be valid JSON', (e as Error).message);
  }
  // The checksum first (any edit is reported as one), then every field on its own.
  const claimed = (parsed as { manifestSha256?: unknown } | null)?.manifestSha256;
  if (typeof claimed === 'string') {
    const actual = await manifestSha256(parsed as SavedModel);
    if (actual !== claimed) throw corrupt(topoFile, `have manifestSha256 ${claimed} (it was edited)`, actual);
  }
  const saved = checkSavedModel(parsed, topoFile);
  const bytes = await fs.readFile(weightsFile).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`loadModel: ${weightsFile} must exist. Received: ${e.code ?? e.message}.`);
  });
  if (bytes.byteLength !== saved.weightsByteLength) {
    throw corrupt(weightsFile, `hold ${saved.weightsByteLength} bytes`, `${bytes.byteLength} bytes`);
  }
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== saved.weightsSha256) {
    throw corrupt(weightsFile, `have SHA-256 ${saved.weightsSha256}`, sha);
  }
  let model: Sequential;
  try {
    model = Sequential.fromConfig(saved.modelTopology.config);
    model.build();
  } catch (e) {
    throw corrupt(topoFile, 'describe a model tensorseq can build', (e as Error).message);
  }
  try {
    checkAgainstModel(model, saved, topoFile);
    const values = saved.weights.map((e) => tf.tensor(readArray(bytes, e), e.shape));
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
        throw corrupt(topoFile, 'hold compile options tensorseq accepts', (e as Error).message);
      }
      if (saved.optimizerState) {
        const slots = saved.optimizerState.slots.map((e) => ({
          name: e.name,
          shape: e.shape,
          data: readArray(bytes, e),
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

/** The saved weights and optimizer slots must be exactly the ones the rebuilt model has. */
function checkAgainstModel(model: Sequential, saved: ReturnType<typeof checkSavedModel>, file: string): void {
  const weights = model.weights;
  if (weights.length !== saved.weights.length) {
    throw corrupt(file, `list the model's ${weights.length} weights`, `${saved.weights.length} entries`);
  }
  weights.forEach((w, i) => {
    const e = saved.weights[i];
    if (e.name !== w.name || e.shape.join() !== w.shape.join()) {
      throw corrupt(
        file,
        `list weight ${i} as ${w.name} [${w.shape}]`,
        `${JSON.stringify(e.name)} [${e.shape}]`,
      );
    }
  });
  const seen = new Set<string>();
  for (const slot of saved.optimizerState?.slots ?? []) {
    const owner = weights.find(
      (w) => slot.name.startsWith(`${w.name}/`) && !slot.name.slice(w.name.length + 1).includes('/'),
    );
    const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
    if (owner === undefined || size(owner.shape) !== size(slot.shape) || seen.has(slot.name)) {
      throw corrupt(
        file,
        'hold one optimizer slot per weight and slot name, the size of its weight',
        `slot ${JSON.stringify(slot.name)} [${slot.shape}]`,
      );
    }
    seen.add(slot.name);
  }
}
