// Save and load anywhere (issue #15), in Node and in Chromium (pnpm test:browser): memory, IndexedDB and a
// URL, with the same integrity checks. In Chromium the IndexedDB is the browser's own and the URL is the
// test server's; in Node they are fake-indexeddb and a node:http server.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  Dense,
  Embedding,
  Flatten,
  loadModel,
  MODEL_FORMAT_VERSION,
  type ModelArtifacts,
  Sequential,
  setGlobalSeed,
} from '../src/index';
import './helpers';
import { startModelServer } from './model-server';

const host = globalThis as { indexedDB?: unknown };
host.indexedDB ??= (await import('fake-indexeddb')).indexedDB;

function trainedModel(): Sequential {
  setGlobalSeed(7);
  const model = new Sequential({
    layers: [
      new Embedding({ inputDim: 20, outputDim: 3, inputLength: 4 }),
      new Flatten(),
      new Dense({ units: 1 }),
    ],
  });
  model.compile({ optimizer: 'rmsprop', loss: 'mse' });
  model.trainOnBatch(tf.tensor2d([[1, 2, 3, 4]], [1, 4], 'int32'), tf.tensor2d([[1]]));
  return model;
}

const values = (m: Sequential) => m.getWeights().map((w) => Array.from(w.dataSync()));

const server = await startModelServer();
afterAll(() => server.close());

describe('save / load anywhere', () => {
  it('round-trips through memory: save() returns { modelJson, weights } and loadModel reads them', async () => {
    const model = trainedModel();
    const artifacts = await model.save();
    expect(artifacts.modelJson.format).toBe('tensorseq-layers-model');
    expect(artifacts.weights.byteLength).toBe(artifacts.modelJson.weightsByteLength);
    const loaded = await loadModel(artifacts);
    expect(values(loaded)).toEqual(values(model));
    expect(loaded.optimizer?.getState()).toEqual(model.optimizer?.getState());
  });

  it('round-trips through IndexedDB', async () => {
    const model = trainedModel();
    await model.save('indexeddb://imdb');
    const loaded = await loadModel('indexeddb://imdb');
    expect(values(loaded)).toEqual(values(model));
    await expect(loadModel('indexeddb://nothing')).rejects.toThrow(
      'loadModel: indexeddb://nothing must hold a saved model. Received: nothing.',
    );
  });

  it('loads from a model.json URL with weights.bin next to it', async () => {
    const model = trainedModel();
    const { modelJson, weights } = await model.save();
    await server.put('/m/model.json', new TextEncoder().encode(JSON.stringify(modelJson)));
    await server.put('/m/weights.bin', weights);
    const loaded = await loadModel(server.url('/m/model.json'));
    expect(values(loaded)).toEqual(values(model));
    const missing = server.url('/missing/model.json');
    await expect(loadModel(missing)).rejects.toThrow(
      `loadModel: model.json must be reachable. Received: HTTP 404 for ${missing}.`,
    );
  });

  it('applies the same integrity checks to every source', async () => {
    const { modelJson, weights } = await trainedModel().save();
    const flipped = weights.slice();
    flipped[0] ^= 1;
    await expect(loadModel({ modelJson, weights: flipped })).rejects.toThrow(
      /^loadModel: weights must have SHA-256 [0-9a-f]{64}\. Received: [0-9a-f]{64}\. The saved model is corrupted or truncated\.$/,
    );
    await expect(loadModel({ modelJson, weights: weights.subarray(4) })).rejects.toThrow(
      `loadModel: weights must hold ${weights.byteLength} bytes. Received: ${weights.byteLength - 4} bytes. The saved model is corrupted or truncated.`,
    );
    const future = { ...modelJson, formatVersion: MODEL_FORMAT_VERSION + 1 } as ModelArtifacts['modelJson'];
    await expect(loadModel({ modelJson: future, weights })).rejects.toThrow(
      `loadModel: modelJson must have formatVersion ${MODEL_FORMAT_VERSION} or lower. Received: formatVersion=${MODEL_FORMAT_VERSION + 1}. To fix this, upgrade @tensorseq/layers-core.`,
    );
  });

  it('refuses a directory path until @tensorseq/layers-core/node is imported, saying so', async () => {
    const model = trainedModel();
    const key = Symbol.for('tensorseq.layers-core.directoryStore');
    const g = globalThis as Record<symbol, unknown>;
    const store = g[key];
    delete g[key];
    try {
      await expect(model.save('models/x')).rejects.toThrow(
        `Sequential.save: a directory target needs Node's file system. Received: "models/x". To fix this, import '@tensorseq/layers-core/node' once in Node, or use 'indexeddb://name', 'downloads://name', a URL, or memory (save() with no argument / loadModel({ modelJson, weights })).`,
      );
    } finally {
      if (store) g[key] = store;
    }
  });
});
