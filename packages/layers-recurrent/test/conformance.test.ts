import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { setKernelsBackend } from '@tensorseq/kernels';
import { beforeAll, describe, it } from 'vitest';
import { loadConformance } from './helpers/conformance';
import { runRecurrentCase } from './helpers/run-case';

const files = ['simple_rnn', 'lstm', 'gru', 'bidirectional'];
// Every kernel path: the reference loop of tfjs ops, and the fused kernel on each kernels backend.
const paths: { name: string; useFusedKernel: boolean; kernels?: 'js' | 'wasm' }[] = [
  { name: 'reference', useFusedKernel: false },
  { name: 'fused-js', useFusedKernel: true, kernels: 'js' },
  ...(wasmAvailable() ? [{ name: 'fused-wasm', useFusedKernel: true, kernels: 'wasm' as const }] : []),
];

function wasmAvailable(): boolean {
  try {
    setKernelsBackend('wasm');
    return true;
  } catch {
    // Reported by the skipped path below rather than hidden: the kernels package has no wasm build here.
    return false;
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(files)('conformance: layers/%s.json', (file) => {
  const cases = loadConformance(file);
  describe.each(paths)('$name path', ({ useFusedKernel, kernels }) => {
    beforeAll(() => {
      if (kernels) setKernelsBackend(kernels);
    });
    it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
      runRecurrentCase(c, useFusedKernel);
    });
  });
});

describe.skipIf(wasmAvailable())('conformance: fused-wasm path', () => {
  it.skip('runs once @tensorseq/kernels ships its WebAssembly build (kernelsBackend() has no "wasm" here)', () => {});
});
