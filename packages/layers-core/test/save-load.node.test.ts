import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel, Sequential } from '../src/index';
import '../src/node';
import './helpers';
import { makeSmallModel, smallX, smallY } from './small-model';

const root = await mkdtemp(join(tmpdir(), 'tensorseq-save-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const x = smallX;
const y = smallY;
const makeModel = makeSmallModel;

const values = (m: Sequential) => m.getWeights().map((t) => Array.from(t.dataSync()));

describe('save / loadModel', () => {
  it('round-trips topology, weights and compile options', async () => {
    const model = makeModel();
    await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0, shuffle: false });
    const dir = join(root, 'roundtrip');
    await model.save(dir);
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);
    const loaded = await loadModel(dir);
    const viaStatic = await Sequential.load(dir);
    expect(viaStatic.getConfig()).toEqual(model.getConfig());
    viaStatic.dispose();
    expect(loaded.getConfig()).toEqual(model.getConfig());
    expect(values(loaded)).toEqual(values(model));
    expect(loaded.metricsNames).toEqual(['loss', 'acc']);
    const a = model.predict(x);
    const b = loaded.predict(x);
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([a, b]);
    model.dispose();
    loaded.dispose();
  });

  it('resumes training with the same optimizer state (identical to uninterrupted training)', async () => {
    const straight = makeModel();
    await straight.fit(x, y, { epochs: 4, batchSize: 8, verbose: 0, shuffle: false });
    const first = makeModel();
    await first.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0, shuffle: false });
    const dir = join(root, 'resume');
    await first.save(dir);
    const resumed = await loadModel(dir);
    expect(resumed.optimizer?.iterations).toBe(8);
    await resumed.fit(x, y, { epochs: 4, initialEpoch: 2, batchSize: 8, verbose: 0, shuffle: false });
    expect(values(resumed)).toEqual(values(straight));
    for (const m of [straight, first, resumed]) m.dispose();
  });

  it('replaces an existing save atomically and leaves no temporary folders', async () => {
    const model = makeModel();
    const dir = join(root, 'atomic');
    await model.save(dir);
    await model.fit(x, y, { epochs: 1, verbose: 0 });
    await model.save(dir);
    expect((await readdir(root)).filter((n) => n.startsWith('atomic'))).toEqual(['atomic']);
    const loaded = await loadModel(dir);
    expect(values(loaded)).toEqual(values(model));
    model.dispose();
    loaded.dispose();
  });

  it('rejects truncated, corrupted and missing files with a clear error', async () => {
    const model = makeModel();
    const dir = join(root, 'broken');
    await model.save(dir);
    const weights = join(dir, 'weights.bin');
    const size = (await readFile(weights)).byteLength;
    await truncate(weights, size - 10);
    await expect(loadModel(dir)).rejects.toThrow(
      `loadModel: ${weights} must hold ${size} bytes. Received: ${size - 10} bytes. The saved model is corrupted or truncated.`,
    );
    await model.save(dir);
    const bytes = await readFile(weights);
    bytes[3] ^= 0xff;
    await writeFile(weights, bytes);
    await expect(loadModel(dir)).rejects.toThrow(
      /^loadModel: .*weights\.bin must have SHA-256 [0-9a-f]{64}\. Received: [0-9a-f]{64}\. The saved model is corrupted or truncated\.$/,
    );
    await writeFile(join(dir, 'model.json'), '{"format": "tensorseq-layers-mo');
    await expect(loadModel(dir)).rejects.toThrow(
      `loadModel: ${join(dir, 'model.json')} must be valid JSON. Received:`,
    );
    await expect(loadModel(join(root, 'nothing'))).rejects.toThrow(
      `loadModel: ${join(root, 'nothing', 'model.json')} must exist. Received: ENOENT.`,
    );
    model.dispose();
  });
});
