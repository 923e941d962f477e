import { readFileSync } from 'node:fs';
import { conformanceFile } from '@tensorseq/test-utils';
import { describe, expect, it } from 'vitest';
import { compileOptionsFromKeras } from '../src/compile-from-keras';
import { loadKerasModel } from '../src/index';
import './setup';

const reference = (name: string) => new Uint8Array(readFileSync(conformanceFile(`keras/models/${name}`)));

describe('compiling from the file', () => {
  it('compiles when tensorseq has the optimizer, loss and metrics, with the file hyperparameters', async () => {
    const model = await loadKerasModel(reference('k2.10.0_embedding_globalmaxpool.h5'));
    expect(model.compileConfig).toEqual({
      optimizer: {
        className: 'adam',
        config: {
          learningRate: 9.999999747378752e-5,
          beta1: 0.8999999761581421,
          beta2: 0.9990000128746033,
          epsilon: 1e-7,
        },
      },
      loss: 'binaryCrossentropy',
      metrics: ['acc'],
    });
    model.dispose();
  });

  it("picks the RMSprop epsilon placement of the file's Keras version", async () => {
    const keras2 = await loadKerasModel(reference('k2.9.0_jena_conv1d_hdf5.keras'));
    expect(keras2.compileConfig?.optimizer).toEqual({
      className: 'rmsprop',
      config: {
        learningRate: 0.0010000000474974513,
        rho: 0.8999999761581421,
        epsilon: 1e-7,
        variant: 'keras2',
      },
    });
    expect(keras2.compileConfig?.loss).toBe('mse');
    expect(keras2.compileConfig?.metrics).toEqual(['mae']);
    keras2.dispose();
  });

  it('leaves the model uncompiled when the file uses something tensorseq lacks, or when asked', async () => {
    // RMSprop with clipvalue=1 (Keras 3.12 file); Huber loss (Keras 2.8 file).
    for (const file of ['k3.12.0_jena_gru_zip.keras', 'k2.8.0_causal_conv1d_stacked_lstm.h5']) {
      const model = await loadKerasModel(reference(file));
      expect(model.compileConfig, file).toBeNull();
      model.dispose();
    }
    const model = await loadKerasModel(reference('k2.10.0_embedding_globalmaxpool.h5'), { compile: false });
    expect(model.compileConfig).toBeNull();
    model.dispose();
    expect(
      compileOptionsFromKeras(
        { loss: 'mse', optimizer_config: { class_name: 'RMSprop', config: {} } },
        '2.0.4',
      ),
    ).toEqual({
      optimizer: { className: 'rmsprop', config: { variant: 'keras2.0' } },
      loss: 'mse',
      metrics: [],
    });
  });
});
