import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadKerasModel } from '@tensorseq/keras-io/node';
import { afterAll, describe, expect, it } from 'vitest';
import { runImdbExperiment } from '../src/imdb/run-imdb-experiment';
import { parseExperimentArgs } from '../src/parse-experiment-args';
import { buildSimpleRnnForTest } from './save-keras-model';

await tf.setBackend('cpu');
const dir = await mkdtemp(join(tmpdir(), 'tensorseq-save-keras-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('--save-keras', () => {
  it('is read in both spellings and must name a .keras or .h5 file', () => {
    const options = { owner: 'imdb-rnn', experiments: ['lstm'] };
    expect(parseExperimentArgs(['lstm', '--save-keras', 'out/m.keras'], options).saveKeras).toBe(
      'out/m.keras',
    );
    expect(parseExperimentArgs(['--save-keras=m.h5'], options).saveKeras).toBe('m.h5');
    expect(() => parseExperimentArgs(['--save-keras', 'm.json'], options)).toThrow(
      'imdb-rnn: --save-keras must be a file name ending in .keras or .h5. Received: --save-keras=m.json.',
    );
    expect(() => parseExperimentArgs(['--save-keras'], options)).toThrow('Received: --save-keras=undefined.');
  });

  it.each(['keras', 'h5'])(
    'writes the trained model of a quick IMDB run as a .%s file that loads back',
    async (ext) => {
      const file = join(dir, `model.${ext}`);
      const lines: string[] = [];
      await runImdbExperiment(
        'simplernn',
        { title: 'SimpleRNN', build: buildSimpleRnnForTest },
        { quick: true, epochs: 1, saveKeras: file, log: (l) => lines.push(l) },
      );
      expect(lines.at(-1)).toBe(`Saved the trained model for Keras: ${file}`);
      const model = await loadKerasModel(file);
      expect(model.layers.map((l) => l.className)).toEqual(['Embedding', 'SimpleRNN', 'Dense']);
      const y = model.predict(tf.ones([2, 50])) as tf.Tensor;
      expect(y.shape).toEqual([2, 1]);
      y.dispose();
      model.dispose();
    },
  );
});
