import './helpers/setup';
import { reportChecked } from '@tensorseq/test-utils';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadConformance } from './helpers/conformance';
import { KERNEL_PATHS, usePath } from './helpers/paths';
import { runRecurrentCase } from './helpers/run-case';

const files = ['simple_rnn', 'lstm', 'gru', 'bidirectional'];

// Every case of every recurrent fixture file, on every kernel path: the reference loop of tfjs ops, and
// the fused kernel on each @tensorseq/kernels backend (js, and wasm where WebAssembly SIMD runs).
describe.each(files)('conformance: layers/%s.json', (file) => {
  const cases = loadConformance(file);
  describe.each(KERNEL_PATHS)('$name path', (path) => {
    beforeAll(() => usePath(path));
    it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
      runRecurrentCase(c, path.useFusedKernel);
    });
  });
});

describe.skipIf(KERNEL_PATHS.some((p) => p.name === 'fused-wasm'))('conformance: fused-wasm path', () => {
  it.skip('needs WebAssembly SIMD (kernelsBackend() cannot be "wasm" in this runtime)', () => {});
});

afterAll(() =>
  reportChecked(
    'recurrent conformance (simple_rnn, lstm, gru, bidirectional) × kernel paths',
    files.reduce((n, f) => n + loadConformance(f).length, 0) * KERNEL_PATHS.length,
  ),
);
