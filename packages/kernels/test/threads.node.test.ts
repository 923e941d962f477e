import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  kernelsInfo,
  type RnnSequenceArgs,
  rnnSequenceBackward,
  rnnSequenceForward,
  setKernelsThreads,
  sgemm,
} from '../src/index';
import { threadedUnsupported, wasmSupported } from '../src/wasm/wasm-kernels';
import { randomArgs, randomUpstream } from './random-args';
import { seededRandom } from './seeded-random';

const canThread = wasmSupported() && threadedUnsupported(2) === null;

/** Every output of a forward + backward on the wasm kernels with `threads` threads. */
function run(args: RnnSequenceArgs, threads: number): Float32Array[] {
  setKernelsThreads(threads);
  const fwd = rnnSequenceForward(args, { backend: 'wasm' });
  const { dOutputs, dFinal } = randomUpstream(args);
  const g = rnnSequenceBackward(args, fwd, dOutputs, dFinal, { backend: 'wasm' });
  return [
    fwd.outputs,
    ...fwd.finalStates,
    g.dx,
    g.dKernel,
    g.dRecurrentKernel,
    ...(g.dBias ? [g.dBias] : []),
    ...g.dInitialStates,
  ];
}

function expectBitIdentical(actual: Float32Array[], expected: Float32Array[]): void {
  expect(actual.length).toBe(expected.length);
  for (const [i, a] of actual.entries())
    expect(Buffer.from(a.buffer, a.byteOffset, a.byteLength)).toEqual(
      Buffer.from(expected[i].buffer, expected[i].byteOffset, expected[i].byteLength),
    );
}

describe('setKernelsThreads', () => {
  afterAll(() => setKernelsThreads(1));

  it('rejects a count outside 1..4', () => {
    expect(() => setKernelsThreads(0)).toThrow(
      'setKernelsThreads: threads must be an integer from 1 to 4. Received: threads=0.',
    );
    expect(() => setKernelsThreads(2.5)).toThrow('Received: threads=2.5.');
  });

  it.skipIf(!wasmSupported())('reports one thread and why', () => {
    setKernelsThreads(1);
    expect(kernelsInfo()).toEqual({
      backend: 'wasm',
      mode: 'single-thread',
      threads: 1,
      reason: 'one thread requested',
    });
  });
});

describe.skipIf(!canThread)('threaded wasm kernels', () => {
  afterAll(() => setKernelsThreads(1));

  it('reports the multi-thread mode', () => {
    setKernelsThreads(2);
    expect(kernelsInfo()).toEqual({ backend: 'wasm', mode: 'multi-thread', threads: 2 });
  });

  const cases: [string, Parameters<typeof randomArgs>[0]][] = [
    [
      'lstm, mask, dropout, odd batch',
      {
        cell: 'lstm',
        batch: 7,
        time: 9,
        features: 5,
        units: 6,
        mask: true,
        inputDropout: true,
        recurrentDropout: true,
        initialStates: true,
      },
    ],
    [
      'gru resetAfter, goBackwards',
      {
        cell: 'gru',
        batch: 9,
        time: 6,
        features: 3,
        units: 8,
        resetAfter: true,
        goBackwards: true,
        mask: true,
      },
    ],
    [
      'gru resetBefore, recurrent dropout, hardSigmoid',
      {
        cell: 'gru',
        batch: 12,
        time: 11,
        features: 4,
        units: 5,
        resetAfter: false,
        recurrentDropout: true,
        recurrentActivation: 'hardSigmoid',
        scale: 2,
      },
    ],
    [
      'simpleRnn relu, no bias',
      {
        cell: 'simpleRnn',
        batch: 5,
        time: 13,
        features: 2,
        units: 9,
        bias: false,
        activation: 'relu',
        mask: true,
      },
    ],
    ['batch smaller than the threads', { cell: 'lstm', batch: 1, time: 4, features: 3, units: 4 }],
  ];
  it.each(cases)('gives bit-identical results on 1, 2, 3 and 4 threads: %s', (_, options) => {
    const args = randomArgs({ seed: 3, ...options });
    const single = run(args, 1);
    for (const threads of [2, 3, 4]) expectBitIdentical(run(args, threads), single);
    // Deterministic for a given thread count.
    expectBitIdentical(run(args, 2), run(args, 2));
  });

  it('splits a large sgemm across threads with bit-identical results', () => {
    const rand = seededRandom(5);
    const [m, n, k] = [150, 170, 90];
    const a = Float32Array.from({ length: m * k }, () => rand(-1, 1));
    const b = Float32Array.from({ length: k * n }, () => rand(-1, 1));
    const results = [1, 2, 3].map((threads) => {
      setKernelsThreads(threads);
      const c = Float32Array.from({ length: m * n }, () => 0.5);
      sgemm(true, true, m, n, k, a, b, c, true);
      return c;
    });
    expectBitIdentical(results.slice(1), [results[0], results[0]]);
    // tall and narrow: split by rows
    const tall = [1, 2].map((threads) => {
      setKernelsThreads(threads);
      const c = new Float32Array(6000 * 8);
      sgemm(
        false,
        false,
        6000,
        8,
        40,
        Float32Array.from({ length: 6000 * 40 }, () => rand()),
        b,
        c,
      );
      return c;
    });
    expect(tall[0].some((v) => v !== 0)).toBe(true);
    expect(tall[1].length).toBe(tall[0].length);
  });

  it('does not keep Node alive once the work is done', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const script = `import { setKernelsThreads, sgemm, kernelsInfo } from './src/index.ts';
setKernelsThreads(2);
const c = new Float32Array(256 * 256);
sgemm(false, false, 256, 256, 256, new Float32Array(65536).fill(1), new Float32Array(65536).fill(1), c);
console.log(kernelsInfo().mode, c[0]);`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: join(here, '..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('multi-thread 256');
    expect(r.status).toBe(0);
  });
});
