import * as tf from '@tensorflow/tfjs-core';
import { registerCoreLayers } from '../register-core-layers';
import { Sequential } from '../sequential';
import { type ArrayEntry, MODEL_FORMAT, type SavedModel, TOPOLOGY_FILE, WEIGHTS_FILE } from './model-format';

function corrupt(file: string, expectation: string, received: string): Error {
  return new Error(
    `loadModel: ${file} must ${expectation}. Received: ${received}. The saved model is corrupted or truncated.`,
  );
}

function readArray(bytes: Buffer, e: ArrayEntry, file: string): Float32Array {
  const size = e.shape.reduce((a, b) => a * b, 1);
  if (e.offset + size * 4 > bytes.byteLength) {
    throw corrupt(
      file,
      `hold ${e.name} at bytes ${e.offset}..${e.offset + size * 4}`,
      `${bytes.byteLength} bytes`,
    );
  }
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
 * @throws Error naming the file when it is missing, truncated, or its checksum does not match.
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
  let saved: SavedModel;
  try {
    saved = JSON.parse(text) as SavedModel;
  } catch (e) {
    throw corrupt(topoFile, 'be valid JSON', (e as Error).message);
  }
  if (saved?.format !== MODEL_FORMAT) {
    throw corrupt(topoFile, `have format "${MODEL_FORMAT}"`, `format=${JSON.stringify(saved?.format)}`);
  }
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
  const model = Sequential.fromConfig(saved.modelTopology.config);
  model.build();
  const values = saved.weights.map((e) => tf.tensor(readArray(bytes, e, weightsFile), e.shape));
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
        data: readArray(bytes, e, weightsFile),
      }));
      model.optimizer?.setState({ iterations: saved.optimizerState.iterations, slots });
    }
  }
  return model;
}
