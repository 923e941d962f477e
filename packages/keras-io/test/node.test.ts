import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { conformanceFile, expectClose, type FixtureTensor, loadConformance } from '@tensorseq/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKerasModel, loadKerasWeights, saveKerasModel } from '../src/node';
import { bidirectionalModel } from './models';
import './setup';

const dir = await mkdtemp(join(tmpdir(), 'tensorseq-keras-io-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('@tensorseq/keras-io/node', () => {
  it('loads a model from a path and from a file: URL', async () => {
    const name = 'k2.9.0_jena_lstm_hdf5';
    const expected = loadConformance<{ input: FixtureTensor; output: FixtureTensor }>(
      `keras/expected/${name}`,
    );
    const path = conformanceFile(`keras/models/${name}.keras`);
    for (const source of [path, pathToFileURL(path)]) {
      const model = await loadKerasModel(source);
      const x = tf.tensor(expected.input.data, expected.input.shape);
      const y = model.predict(x) as tf.Tensor;
      expectClose(y, expected.output, { atol: 1e-4, rtol: 1e-4 });
      tf.dispose([x, y]);
      model.dispose();
    }
  });

  it.each(['keras', 'h5'] as const)('saves a %s file atomically and loads it back', async (format) => {
    const model = bidirectionalModel('mul');
    const path = join(dir, `model.${format}`);
    await saveKerasModel(model, path, { format });
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const x = tf.ones([2, 7, 3]);
    const loaded = await loadKerasModel(path);
    expect(Array.from((loaded.predict(x) as tf.Tensor).dataSync())).toEqual(
      Array.from((model.predict(x) as tf.Tensor).dataSync()),
    );
    const fresh = bidirectionalModel('mul', 9);
    await loadKerasWeights(fresh, path);
    expect(Array.from((fresh.predict(x) as tf.Tensor).dataSync())).toEqual(
      Array.from((model.predict(x) as tf.Tensor).dataSync()),
    );
    for (const m of [model, loaded, fresh]) m.dispose();
  });

  it('says which file it could not read, and which format it cannot write', async () => {
    await expect(loadKerasModel(join(dir, 'missing.keras'))).rejects.toThrow(
      `loadKerasModel: source must be a readable file. Received: source="${join(dir, 'missing.keras')}" (ENOENT).`,
    );
    const big = join(dir, 'big.h5');
    await writeFile(big, new Uint8Array(2048));
    await expect(loadKerasModel(big, { maxBytes: 1024 })).rejects.toThrow(
      'loadKerasModel: the file must be at most maxBytes=1024 bytes. Received: 2048 bytes. To fix this, pass a larger maxBytes.',
    );
    const model = bidirectionalModel();
    await expect(
      saveKerasModel(model, join(dir, 'x.pb'), { format: 'savedmodel' as 'keras' }),
    ).rejects.toThrow('saveKerasModel: format must be "keras" or "h5". Received: format="savedmodel".');
    model.dispose();
  });
});
