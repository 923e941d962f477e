import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, it } from 'vitest';
import { loadConformance } from './helpers/conformance';
import { runRecurrentCase } from './helpers/run-case';

const files = ['simple_rnn', 'lstm', 'gru', 'bidirectional'];
const paths: { name: string; useFusedKernel: boolean }[] = [{ name: 'reference', useFusedKernel: false }];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(files)('conformance: layers/%s.json', (file) => {
  const cases = loadConformance(file);
  describe.each(paths)('$name path', ({ useFusedKernel }) => {
    it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
      runRecurrentCase(c, useFusedKernel);
    });
  });
});
