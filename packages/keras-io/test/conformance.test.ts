import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import {
  conformanceDir,
  conformanceFile,
  expectClose,
  type FixtureTensor,
  loadConformance,
  reportChecked,
} from '@tensorseq/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKerasModel } from '../src/index';
import './setup';

interface KerasExpected {
  file: string;
  keras_version: string;
  format: string;
  input: FixtureTensor;
  output: FixtureTensor;
}

// Every model file vendored in conformance/keras/models, enumerated (never a hard-coded list).
const folder = join(conformanceDir(), 'keras', 'models');
const files = readdirSync(folder)
  .filter((f) => /\.(h5|keras)$/.test(f))
  .sort();
let checked = 0;

describe('loadKerasModel on real Keras files (conformance/keras)', () => {
  it('finds the reference files', () => {
    expect(files.length).toBeGreaterThanOrEqual(21);
  });

  it.each(files)('%s loads and predicts like Keras', async (file) => {
    const expected = loadConformance<KerasExpected>(`keras/expected/${file.replace(/\.(h5|keras)$/, '')}`);
    expect(expected.file).toBe(file);
    const before = tf.memory().numTensors;
    const model = await loadKerasModel(new Uint8Array(readFileSync(conformanceFile(`keras/models/${file}`))));
    const x = tf.tensor(expected.input.data, expected.input.shape);
    const y = model.predict(x) as tf.Tensor;
    expectClose(y, expected.output, { atol: 1e-4, rtol: 1e-4, label: file });
    tf.dispose([x, y]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    checked++;
  });

  afterAll(() => reportChecked('keras-io conformance', checked));
});
