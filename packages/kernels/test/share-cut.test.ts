import { afterAll, describe, expect, it } from 'vitest';
import { wasmKernels } from '../src/backend';
import {
  type Conv1dArgs,
  conv1dBackward,
  conv1dForward,
  maxPool1dBackward,
  rnnSequenceBackward,
  rnnSequenceForward,
  setKernelsThreads,
  sgemm,
  tapGather,
  tapScatter,
} from '../src/index';
import { cutFineNext, maxSharesFor, type ShareSplit } from '../src/threads/share-cut';
import { threadedUnsupported, wasmSupported } from '../src/wasm/wasm-kernels';
import { randomArgs, randomUpstream } from './random-args';
import { randomConv } from './random-conv';
import { randomTapCase } from './random-tap';
import { seededRandom } from './seeded-random';

describe('maxSharesFor', () => {
  it('cuts twice as many shares as threads, up to the scratch slots', () => {
    expect([1, 2, 3, 4].map(maxSharesFor)).toEqual([1, 4, 4, 4]);
  });
});

describe('cutFineNext', () => {
  const even = { threads: 2, maxShares: 4, shares: 2, mine: 1 };
  const fine = { threads: 2, maxShares: 4, shares: 4, mine: 2 };

  it('cuts fine after an even call that left the calling thread waiting', () => {
    expect(cutFineNext(even, 2, 1)).toBe(true);
    expect(cutFineNext(even, 2, 0.4)).toBe(false);
  });

  it('ignores a wait too short to be a lagging thread', () => {
    expect(cutFineNext(even, 0.1, 0.04)).toBe(false);
  });

  it('stays fine while the calling thread runs more than an even part', () => {
    expect(cutFineNext({ ...fine, mine: 3 }, 3, 0)).toBe(true);
    expect(cutFineNext(fine, 2, 0)).toBe(false);
  });

  it('never cuts fine where a fine cut is no finer', () => {
    expect(cutFineNext({ threads: 4, maxShares: 4, shares: 4, mine: 1 }, 1, 5)).toBe(false);
  });
});

const canThread = wasmSupported() && threadedUnsupported(2) === null;

/** The bits of every array, for exact comparison. */
function bits(arrays: (Float32Array | null)[]): number[][] {
  return arrays.map((a) => (a === null ? [] : Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length))));
}

/** Every result of one run of the parallel kernels: a recurrent layer, a conv, the tap kernels, pooling, a GEMM. */
function runAll(): number[][] {
  const rnn = randomArgs({ cell: 'gru', batch: 9, time: 6, features: 5, units: 7, recurrentDropout: true });
  const fwd = rnnSequenceForward(rnn, { backend: 'wasm' });
  const { dOutputs, dFinal } = randomUpstream(rnn);
  const g = rnnSequenceBackward(rnn, fwd, dOutputs, dFinal, { backend: 'wasm' });
  const conv: Conv1dArgs = {
    ...randomConv({ batch: 5, span: 41, channels: 6, filters: 12, size: 5, dilation: 1, bias: true }, 3),
    activation: 'relu',
  };
  const y = conv1dForward(conv);
  const rand = seededRandom(4);
  const dy = Float32Array.from(y, () => rand(-1, 1));
  const cg = conv1dBackward(conv, dy, { y });
  const { args: tap } = randomTapCase({ batch: 5, steps: 30, filters: 12, size: 4, vocab: 50 }, 5);
  const ty = tapGather(tap);
  const tg = tapScatter(
    { ...tap, hasBias: true },
    Float32Array.from(ty, () => rand(-1, 1)),
    ty,
  );
  // Overlapping windows (stride 2, size 3, one padded step): the scatter-add path.
  const outLength = Math.ceil(conv.outLength / 2);
  const pooled = maxPool1dBackward(
    {
      batch: conv.batch,
      inLength: conv.outLength,
      channels: conv.filters,
      size: 3,
      stride: 2,
      padLeft: 1,
      outLength,
      x: y,
    },
    Float32Array.from({ length: conv.batch * outLength * conv.filters }, () => rand(-1, 1)),
  );
  const [m, n, k] = [96, 80, 90];
  const c = new Float32Array(m * n);
  sgemm(
    false,
    false,
    m,
    n,
    k,
    Float32Array.from({ length: m * k }, () => rand(-1, 1)),
    Float32Array.from({ length: k * n }, () => rand(-1, 1)),
    c,
  );
  return bits([
    fwd.outputs,
    ...fwd.finalStates,
    g.dx,
    g.dKernel,
    g.dRecurrentKernel,
    g.dBias,
    y,
    cg.dx,
    cg.dKernel,
    cg.dBias,
    ty,
    tg.dTable,
    tg.dBias,
    pooled,
    c,
  ]);
}

describe.skipIf(!canThread)('share cuts on 2 threads', () => {
  afterAll(() => {
    wasmKernels().setShareSplit('adaptive');
    setKernelsThreads(1);
  });

  it('gives the same bits cut evenly, finely, or adaptively', () => {
    setKernelsThreads(2);
    const kernels = wasmKernels();
    const results = (['even', 'fine', 'adaptive'] as ShareSplit[]).map((split) => {
      kernels.setShareSplit(split);
      const before = kernels.fineShareCalls();
      const r = runAll();
      return { r, fineCalls: kernels.fineShareCalls() - before };
    });
    expect(results[0].fineCalls).toBe(0);
    expect(results[1].fineCalls).toBeGreaterThan(5);
    expect(results[1].r).toEqual(results[0].r);
    expect(results[2].r).toEqual(results[0].r);
  });
});
