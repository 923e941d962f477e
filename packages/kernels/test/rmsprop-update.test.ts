import { afterAll, describe, expect, it } from 'vitest';
import { kernelsArray, type RmspropArgs, rmspropUpdate, setKernelsThreads } from '../src/index';
import { threadedUnsupported, wasmSupported } from '../src/wasm/wasm-kernels';
import { seededRandom } from './seeded-random';

const paths: [string, 'js' | 'wasm', number][] = [['js', 'js', 1]];
if (wasmSupported()) {
  paths.push(['wasm, 1 thread', 'wasm', 1]);
  if (threadedUnsupported(2) === null) paths.push(['wasm, 2 threads', 'wasm', 2]);
}

/** A weight of `n` values with gradients of every scale (tiny, zero, large) and a running average. */
function weight(n: number, seed: number) {
  const rand = seededRandom(seed);
  const scale = (i: number) => [1e-9, 0, 1e-3, 1, 30][i % 5];
  return {
    p: Float32Array.from({ length: n }, () => rand(-1, 1)),
    g: Float32Array.from({ length: n }, (_, i) => rand(-1, 1) * scale(i)),
    a: Float32Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : rand(0, 2))),
  };
}

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

describe('rmspropUpdate', () => {
  afterAll(() => setKernelsThreads(1));

  it('computes the documented example', () => {
    const a = new Float32Array(1);
    const out = new Float32Array(1);
    const args = { p: Float32Array.of(1), g: Float32Array.of(2), a, out, learningRate: 0.1, rho: 0.9 };
    rmspropUpdate({ ...args, epsilon: 0, epsilonInside: false });
    expect(a[0]).toBeCloseTo(0.4, 6);
    expect(out[0]).toBeCloseTo(1 - 0.2 / Math.sqrt(0.4), 6);
  });

  // 70,000 weights take the threaded path (≥ 2^16); 1,003 the calling thread's, with a ragged end.
  it.each([1003, 70_000])('gives the same bits on every path, epsilon in or out: %i weights', (n) => {
    for (const epsilonInside of [false, true]) {
      const results = paths.map(([, backend, threads]) => {
        setKernelsThreads(threads);
        const { p, g, a } = weight(n, n);
        const out = new Float32Array(n);
        const args: RmspropArgs = {
          p,
          g,
          a,
          out,
          learningRate: 1e-3,
          rho: 0.9,
          epsilon: 1e-7,
          epsilonInside,
        };
        rmspropUpdate(args, { backend });
        return { a, out };
      });
      for (const [i, r] of results.entries()) {
        expect(bits(r.a), paths[i][0]).toEqual(bits(results[0].a));
        expect(bits(r.out), paths[i][0]).toEqual(bits(results[0].out));
      }
    }
  });

  it.skipIf(paths.length < 3)('updates shared arrays in place, and a weight written over itself', () => {
    setKernelsThreads(2);
    const n = 70_000;
    const { p, g, a } = weight(n, 5);
    const out = new Float32Array(n);
    const base = { learningRate: 1e-2, rho: 0.8, epsilon: 1e-7, epsilonInside: false };
    const expectedA = a.slice();
    rmspropUpdate({ ...base, p, g, a: expectedA, out }, { backend: 'js' });
    const shared = (v: Float32Array) => {
      const s = kernelsArray(v.length);
      s.set(v);
      return s;
    };
    const sp = shared(p);
    const sa = shared(a);
    const sout = kernelsArray(n);
    rmspropUpdate({ ...base, p: sp, g: shared(g), a: sa, out: sout });
    expect(bits(sa)).toEqual(bits(expectedA));
    expect(bits(sout)).toEqual(bits(out));
    // out is p: read before it is overwritten, on any path.
    const again = a.slice();
    rmspropUpdate({ ...base, p: sp, g, a: again, out: sp });
    expect(bits(sp)).toEqual(bits(out));
  });

  it('rejects arrays of another length, naming them', () => {
    const { p, g, a } = weight(4, 1);
    const args = {
      p,
      g,
      a,
      out: new Float32Array(3),
      learningRate: 1,
      rho: 0.9,
      epsilon: 0,
      epsilonInside: false,
    };
    expect(() => rmspropUpdate(args)).toThrow(
      "rmspropUpdate: args.out must be a Float32Array of p's length = 4 elements. Received: args.out.length=3.",
    );
  });
});
