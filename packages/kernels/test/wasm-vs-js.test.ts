import { describe, expect, it } from 'vitest';
import { rnnSequenceBackward, rnnSequenceForward } from '../src/index';
import { wasmSupported } from '../src/wasm/wasm-kernels';
import { expectClose } from './helpers';

/**
 * Backends sum in different orders (blocked SIMD GEMM vs plain loops) and wasm's exp is a polynomial:
 * float32 rounding, amplified through time, is bounded relative to the array's largest magnitude.
 */
function expectSame(actual: Float32Array, expected: Float32Array, label: string): void {
  const scale = expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  expectClose(actual, expected, 1e-5 * scale + 1e-7, 1e-4, label);
}

import { type RandomCaseOptions, randomArgs, randomUpstream } from './random-args';

const big = { batch: 33, time: 17, features: 13, units: 37 };
const scenarios: [string, RandomCaseOptions][] = [
  [
    'simpleRnn relu, big, masked',
    { cell: 'simpleRnn', ...big, activation: 'relu', mask: true, initialStates: true, scale: 0.3 },
  ],
  [
    'simpleRnn tanh, dropout, goBackwards, no bias',
    {
      cell: 'simpleRnn',
      ...big,
      inputDropout: true,
      recurrentDropout: true,
      goBackwards: true,
      bias: false,
      scale: 0.3,
    },
  ],
  [
    'lstm sigmoid, big, all masks',
    { cell: 'lstm', ...big, mask: true, inputDropout: true, recurrentDropout: true, initialStates: true },
  ],
  [
    'lstm hardSigmoid, large weights, goBackwards',
    { cell: 'lstm', ...big, time: 8, recurrentActivation: 'hardSigmoid', scale: 1.5, goBackwards: true },
  ],
  [
    'lstm relu activation, no bias',
    {
      cell: 'lstm',
      batch: 5,
      time: 9,
      features: 3,
      units: 7,
      activation: 'relu',
      bias: false,
      initialStates: true,
    },
  ],
  ['lstm B=1 T=1 U=1', { cell: 'lstm', batch: 1, time: 1, features: 1, units: 1, initialStates: true }],
  [
    'gru resetAfter, big, all masks',
    {
      cell: 'gru',
      ...big,
      resetAfter: true,
      mask: true,
      inputDropout: true,
      recurrentDropout: true,
      initialStates: true,
    },
  ],
  [
    'gru resetBefore, big, all masks, goBackwards',
    {
      cell: 'gru',
      ...big,
      resetAfter: false,
      mask: true,
      inputDropout: true,
      recurrentDropout: true,
      goBackwards: true,
    },
  ],
  [
    'gru resetAfter hardSigmoid, no bias, U=5',
    {
      cell: 'gru',
      batch: 6,
      time: 11,
      features: 2,
      units: 5,
      resetAfter: true,
      recurrentActivation: 'hardSigmoid',
      scale: 1.5,
      bias: false,
    },
  ],
  [
    'gru resetBefore relu, B=1, U=3',
    {
      cell: 'gru',
      batch: 1,
      time: 7,
      features: 4,
      units: 3,
      resetAfter: false,
      activation: 'relu',
      initialStates: true,
    },
  ],
  [
    'gru T=1, linear activation',
    { cell: 'gru', batch: 4, time: 1, features: 3, units: 6, activation: 'linear', recurrentDropout: true },
  ],
  [
    // Past one 256-deep GEMM block: the per-step products fall back from pre-packed operands.
    'lstm F=300 U=70 (operands wider than a packed block), goBackwards',
    { cell: 'lstm', batch: 5, time: 4, features: 300, units: 70, goBackwards: true, scale: 0.2 },
  ],
  [
    'lstm Jena-like B=128 T=24 F=14 U=32',
    { cell: 'lstm', batch: 128, time: 24, features: 14, units: 32, mask: true },
  ],
];

describe.skipIf(!wasmSupported())('wasm agrees with js', () => {
  it.each(scenarios)('%s', (_, options) => {
    const args = randomArgs(options);
    const { dOutputs, dFinal } = randomUpstream(args);
    const js = rnnSequenceForward(args, { backend: 'js' });
    const wasm = rnnSequenceForward(args, { backend: 'wasm' });
    expectSame(wasm.outputs, js.outputs, 'outputs');
    // Inference reads x in place (no gathered copy) and must not change a bit.
    const inference = rnnSequenceForward(args, { backend: 'wasm', training: false });
    expect(inference.outputs).toEqual(wasm.outputs);
    js.finalStates.forEach((s, i) => {
      expectSame(wasm.finalStates[i], s, `finalStates[${i}]`);
    });
    const gj = rnnSequenceBackward(args, js, dOutputs, dFinal, { backend: 'js' });
    const gw = rnnSequenceBackward(args, wasm, dOutputs, dFinal, { backend: 'wasm' });
    // Cross-backend: the saved buffers share one layout, so wasm can differentiate a js forward.
    const gx = rnnSequenceBackward(args, js, dOutputs, dFinal, { backend: 'wasm' });
    for (const [label, g] of [
      ['wasm', gw],
      ['js forward + wasm backward', gx],
    ] as const) {
      expectSame(g.dx, gj.dx, `${label} dx`);
      expectSame(g.dKernel, gj.dKernel, `${label} dKernel`);
      expectSame(g.dRecurrentKernel, gj.dRecurrentKernel, `${label} dRecurrentKernel`);
      if (gj.dBias) expectSame(g.dBias!, gj.dBias, `${label} dBias`);
      gj.dInitialStates.forEach((d, i) => {
        expectSame(g.dInitialStates[i], d, `${label} dInitialStates[${i}]`);
      });
    }
  });
});
