// Browser only (`.browser.test.ts`, pnpm test:browser): the test pages are cross-origin isolated (the test
// server sends COOP/COEP), so the kernels run on Web Workers over a shared WebAssembly.Memory, and give
// bit-identical results on 1 and 2 threads.
import { afterAll, describe, expect, it } from 'vitest';
import {
  conv1dBackward,
  conv1dForward,
  initKernels,
  kernelsInfo,
  type RnnSequenceArgs,
  rnnSequenceBackward,
  rnnSequenceForward,
  setKernelsThreads,
  sgemm,
} from '../src/index';
import { randomArgs, randomUpstream } from './random-args';
import { seededRandom } from './seeded-random';

async function useThreads(threads: number): Promise<void> {
  setKernelsThreads(threads);
  await initKernels();
}

function rnnOutputs(args: RnnSequenceArgs): Float32Array[] {
  const fwd = rnnSequenceForward(args, { backend: 'wasm' });
  const { dOutputs, dFinal } = randomUpstream(args);
  const g = rnnSequenceBackward(args, fwd, dOutputs, dFinal, { backend: 'wasm' });
  return [fwd.outputs, ...fwd.finalStates, g.dx, g.dKernel, g.dRecurrentKernel, ...g.dInitialStates];
}

function random(n: number, seed: number): Float32Array {
  const rand = seededRandom(seed);
  return Float32Array.from({ length: n }, () => rand(-0.5, 0.5));
}

function convOutputs(): Float32Array[] {
  const args = {
    batch: 9,
    span: 40,
    channels: 6,
    filters: 10,
    size: 5,
    dilation: 1,
    outLength: 36,
    x: random(9 * 40 * 6, 3),
    kernel: random(5 * 6 * 10, 4),
    bias: random(10, 5),
  };
  const g = conv1dBackward(args, random(9 * 36 * 10, 6));
  return [conv1dForward(args), g.dx, g.dKernel];
}

describe('kernels on Web Workers', () => {
  afterAll(() => useThreads(1));

  it('runs on 2 threads on a cross-origin isolated page', async () => {
    expect((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated).toBe(true);
    await useThreads(2);
    expect(kernelsInfo()).toEqual({ backend: 'wasm', mode: 'multi-thread', threads: 2 });
  });

  it('gives the same bits on 1 and 2 threads (sgemm, lstm, gru, conv1d)', async () => {
    const m = 96;
    const a = random(m * m, 1);
    const b = random(m * m, 2);
    const cases = [
      randomArgs({
        cell: 'lstm',
        batch: 7,
        time: 9,
        features: 5,
        units: 6,
        mask: true,
        inputDropout: true,
        recurrentDropout: true,
        seed: 7,
      }),
      randomArgs({ cell: 'gru', batch: 12, time: 8, features: 4, units: 5, resetAfter: false, seed: 8 }),
    ];
    const runAll = () => {
      const c = new Float32Array(m * m);
      sgemm(false, true, m, m, m, a, b, c);
      return [c, ...cases.flatMap(rnnOutputs), ...convOutputs()];
    };
    await useThreads(1);
    const single = runAll();
    await useThreads(2);
    expect(kernelsInfo().mode).toBe('multi-thread');
    const threaded = runAll();
    expect(threaded.length).toBe(single.length);
    for (const [i, t] of threaded.entries())
      expect(Array.from(t), `output ${i}`).toEqual(Array.from(single[i]));
  });
});
