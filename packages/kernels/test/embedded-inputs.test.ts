import { afterAll, describe, expect, it } from 'vitest';
import {
  type RnnCellKind,
  type RnnSequenceArgs,
  rnnSequenceBackward,
  rnnSequenceForward,
  setKernelsThreads,
} from '../src/index';
import { threadedUnsupported, wasmSupported } from '../src/wasm/wasm-kernels';
import { randomArgs, randomUpstream } from './random-args';
import { seededRandom } from './seeded-random';

const paths: [string, 'js' | 'wasm', number][] = [['js', 'js', 1]];
if (wasmSupported()) {
  paths.push(['wasm, 1 thread', 'wasm', 1]);
  if (threadedUnsupported(2) === null)
    paths.push(['wasm, 2 threads', 'wasm', 2], ['wasm, 3 threads', 'wasm', 3]);
}

/** A case on embedded inputs, and the same case on the gathered rows `table[ids]` [B, T, F]. */
function embeddedCase(
  cell: RnnCellKind,
  o: { vocab: number; mask?: boolean; goBackwards?: boolean; resetAfter?: boolean },
) {
  const base = randomArgs({ cell, batch: 5, time: 7, features: 6, units: 5, initialStates: true, ...o });
  const rand = seededRandom(11);
  const { batch: B, time: T, features: F } = base;
  const table = Float32Array.from({ length: o.vocab * F }, () => rand(-1, 1));
  const ids = Int32Array.from({ length: B * T }, () => Math.floor(rand(0, o.vocab)));
  const x = new Float32Array(B * T * F);
  ids.forEach((id, i) => {
    x.set(table.subarray(id * F, (id + 1) * F), i * F);
  });
  const embedded: RnnSequenceArgs = { ...base, x: table, ids };
  return { embedded, gathered: { ...base, x }, table, ids };
}

/** dTable from the gathered path's dx: every row's gradient added to its word's row. */
function scatter(dx: Float32Array, ids: Int32Array, vocab: number, F: number): Float32Array {
  const out = new Float32Array(vocab * F);
  ids.forEach((id, i) => {
    for (let f = 0; f < F; f++) out[id * F + f] += dx[i * F + f];
  });
  return out;
}

function expectClose(actual: Float32Array, expected: Float32Array, tol = 2e-5): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = expected[i] as number;
    worst = Math.max(worst, Math.abs((actual[i] as number) - e) / (1 + Math.abs(e)));
  }
  expect(worst).toBeLessThan(tol);
}

const cases: [string, RnnCellKind, { mask?: boolean; goBackwards?: boolean; resetAfter?: boolean }][] = [
  ['simpleRnn', 'simpleRnn', {}],
  ['simpleRnn, goBackwards, mask', 'simpleRnn', { goBackwards: true, mask: true }],
  ['lstm, mask', 'lstm', { mask: true }],
  ['gru resetAfter', 'gru', { resetAfter: true }],
  ['gru resetAfter false, goBackwards', 'gru', { resetAfter: false, goBackwards: true }],
];

describe('embedded inputs (ids)', () => {
  afterAll(() => setKernelsThreads(1));

  for (const [pathName, backend, threads] of paths) {
    for (const [name, cell, o] of cases) {
      it(`${pathName}: ${name} matches the gathered rows, forward and every gradient`, () => {
        setKernelsThreads(threads);
        const vocab = 9;
        const { embedded, gathered, ids } = embeddedCase(cell, { vocab, ...o });
        const up = randomUpstream(gathered);
        const f1 = rnnSequenceForward(embedded, { backend });
        const f0 = rnnSequenceForward(gathered, { backend });
        expectClose(f1.outputs, f0.outputs);
        f1.finalStates.forEach((s, i) => {
          expectClose(s, f0.finalStates[i] as Float32Array);
        });
        const g1 = rnnSequenceBackward(embedded, f1, up.dOutputs, up.dFinal, { backend });
        const g0 = rnnSequenceBackward(gathered, f0, up.dOutputs, up.dFinal, { backend });
        expect(g1.dx.length).toBe(vocab * gathered.features);
        expectClose(g1.dx, scatter(g0.dx, ids, vocab, gathered.features));
        expectClose(g1.dKernel, g0.dKernel);
        expectClose(g1.dRecurrentKernel, g0.dRecurrentKernel);
        expectClose(g1.dBias as Float32Array, g0.dBias as Float32Array);
        g1.dInitialStates.forEach((d, i) => {
          expectClose(d, g0.dInitialStates[i] as Float32Array);
        });
      });
    }
  }

  if (paths.length > 2) {
    it('gives the same bits on 1, 2 and 3 threads', () => {
      const { embedded } = embeddedCase('simpleRnn', { vocab: 13, mask: true });
      const up = randomUpstream(embedded);
      const run = (threads: number) => {
        setKernelsThreads(threads);
        const f = rnnSequenceForward(embedded, { backend: 'wasm' });
        const g = rnnSequenceBackward(embedded, f, up.dOutputs, up.dFinal, { backend: 'wasm' });
        return [f.outputs, g.dx, g.dKernel, g.dRecurrentKernel, g.dBias].map((a) =>
          Array.from(a as Float32Array),
        );
      };
      const one = run(1);
      expect(run(2)).toEqual(one);
      expect(run(3)).toEqual(one);
    });

    it('differentiates a wasm forward on the TypeScript kernels', () => {
      setKernelsThreads(2);
      const { embedded } = embeddedCase('lstm', { vocab: 9 });
      const up = randomUpstream(embedded);
      const f = rnnSequenceForward(embedded, { backend: 'wasm' });
      const gJs = rnnSequenceBackward(embedded, f, up.dOutputs, up.dFinal, { backend: 'js' });
      const gWasm = rnnSequenceBackward(
        embedded,
        rnnSequenceForward(embedded, { backend: 'wasm' }),
        up.dOutputs,
        up.dFinal,
        {
          backend: 'wasm',
        },
      );
      expectClose(gJs.dx, gWasm.dx);
      expectClose(gJs.dKernel, gWasm.dKernel);
    });
  }

  it('rejects ids out of range, of the wrong length, and an input dropout mask', () => {
    const { embedded } = embeddedCase('simpleRnn', { vocab: 9 });
    const bad = Int32Array.from(embedded.ids as Int32Array);
    bad[3] = 9;
    expect(() => rnnSequenceForward({ ...embedded, ids: bad })).toThrow(/ids\[3\] must be in \[0, 8\]/);
    expect(() => rnnSequenceForward({ ...embedded, ids: bad.subarray(1) })).toThrow(
      /ids.length must be batch\*time = 35/,
    );
    const dm = new Float32Array(embedded.batch * embedded.features).fill(1);
    expect(() => rnnSequenceForward({ ...embedded, inputDropoutMask: dm })).toThrow(
      /inputDropoutMask must be null when ids is set/,
    );
  });
});
