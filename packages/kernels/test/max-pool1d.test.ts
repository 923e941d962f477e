import { afterAll, describe, expect, it } from 'vitest';
import { type MaxPool1dArgs, maxPool1dBackward, maxPool1dForward, setKernelsThreads } from '../src/index';
import { threadedUnsupported, wasmSupported } from '../src/wasm/wasm-kernels';
import { seededRandom } from './seeded-random';

function args(
  inLength: number,
  size: number,
  stride: number,
  padLeft: number,
  outLength: number,
): MaxPool1dArgs {
  // 6 channels: one SIMD group of four plus a scalar tail; integer values make ties.
  const rand = seededRandom(inLength * 31 + size);
  const x = Float32Array.from({ length: 2 * inLength * 6 }, () => Math.round(rand(-3, 3)));
  x[4] = Number.NaN;
  x[6 * 3 + 5] = Number.NaN;
  return { batch: 2, inLength, channels: 6, size, stride, padLeft, outLength, x };
}

/** The direct definition: per output cell, the flat index of its window's first maximum (NaN first wins). */
function argmaxOf(a: MaxPool1dArgs): number[] {
  const out: number[] = [];
  for (let b = 0; b < a.batch; b++)
    for (let t = 0; t < a.outLength; t++) {
      const lo = Math.max(t * a.stride - a.padLeft, 0);
      const hi = Math.min(t * a.stride - a.padLeft + a.size, a.inLength);
      for (let c = 0; c < a.channels; c++) {
        let best = (b * a.inLength + lo) * a.channels + c;
        for (let s = lo + 1; s < hi; s++) {
          const at = (b * a.inLength + s) * a.channels + c;
          if (a.x[at] > a.x[best]) best = at;
        }
        out.push(best);
      }
    }
  return out;
}

const paths: [string, 'js' | 'wasm', number][] = [['js', 'js', 1]];
if (wasmSupported()) {
  paths.push(['wasm', 'wasm', 1]);
  if (threadedUnsupported(2) === null) paths.push(['wasm (threaded module)', 'wasm', 2]);
}

describe('maxPool1dForward / maxPool1dBackward', () => {
  afterAll(() => setKernelsThreads(1));

  it('computes the documented examples', () => {
    const a = { batch: 1, inLength: 4, channels: 1, size: 2, stride: 2, padLeft: 0, outLength: 2 };
    const x = Float32Array.of(1, 3, 2, 0);
    expect(maxPool1dForward({ ...a, x })).toEqual(Float32Array.of(3, 2));
    expect(maxPool1dBackward({ ...a, x }, Float32Array.of(5, 7))).toEqual(Float32Array.of(0, 5, 7, 0));
  });

  it.each(paths)("takes, and sends dy to, each window's first arg-max on %s", (_, backend, threads) => {
    setKernelsThreads(threads);
    // Overlapping, padded and disjoint windows (stride >= size: whole, with steps left over, with gaps).
    const cases = [args(7, 3, 2, 0, 3), args(7, 3, 2, 1, 4), args(7, 4, 1, 0, 4), args(9, 3, 3, 0, 3)];
    cases.push(args(11, 3, 3, 0, 3), args(12, 2, 3, 0, 4), args(5, 1, 1, 0, 5), args(10, 3, 3, 2, 4));
    for (const a of cases) {
      const argmax = argmaxOf(a);
      expect(maxPool1dForward(a, { backend })).toEqual(Float32Array.from(argmax, (i) => a.x[i]));
      const dy = Float32Array.from(argmax, (_, i) => i + 1);
      dy[1] = -0; // lands as 0 + -0 = +0, as the scatter's sum onto zeros
      dy[2] = Number.NaN;
      const dx = new Float32Array(a.x.length);
      argmax.forEach((at, i) => {
        dx[at] += dy[i];
      });
      expect(maxPool1dBackward(a, dy, { backend })).toEqual(dx);
      // Arrays to write into arrive dirty (recycled): every element must be overwritten.
      const into = new Float32Array(argmax.length).fill(Number.NaN);
      expect(maxPool1dForward(a, { backend, into })).toBe(into);
      expect(into).toEqual(Float32Array.from(argmax, (i) => a.x[i]));
      const dxInto = new Float32Array(a.x.length).fill(Number.NaN);
      expect(maxPool1dBackward(a, dy, { backend, into: dxInto })).toBe(dxInto);
      expect(dxInto).toEqual(dx);
    }
  });

  it('names the argument that does not fit', () => {
    const a = args(7, 3, 2, 0, 3);
    expect(() => maxPool1dForward({ ...a, x: new Float32Array(5) })).toThrow(
      'maxPool1dForward: x must be a Float32Array of batch*inLength*channels = 84 elements. Received: x.length=5.',
    );
    expect(() => maxPool1dBackward(a, new Float32Array(5))).toThrow(
      'maxPool1dBackward: dy must be a Float32Array of batch*outLength*channels = 36 elements. Received: dy.length=5.',
    );
    expect(() => maxPool1dBackward(a, new Float32Array(36), { into: new Float32Array(5) })).toThrow(
      'maxPool1dBackward: options.into must be a Float32Array of batch*inLength*channels = 84 elements. Received: options.into.length=5.',
    );
    expect(() => maxPool1dForward({ ...a, outLength: 5 })).toThrow(
      'maxPool1dForward: every window must overlap the input',
    );
  });
});
