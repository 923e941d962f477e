import { describe, expect, it } from 'vitest';
import { gatherRows, scatterAddRows } from '../src/index';
import { wasmSupported } from '../src/wasm/wasm-kernels';
import { seededRandom } from './seeded-random';

const backends = wasmSupported() ? (['js', 'wasm'] as const) : (['js'] as const);

/** A seeded case: a [rows, width] table, n ids (some repeated), and n rows of gradients. */
function randomCase(rows: number, width: number, n: number) {
  const rand = seededRandom(rows * 31 + width);
  const table = Float32Array.from({ length: rows * width }, () => rand(-1, 1));
  const ids = Int32Array.from({ length: n }, () => Math.floor(rand(0, rows)));
  const x = Float32Array.from({ length: n * width }, () => rand(-1, 1));
  return { table, ids, x };
}

describe('gatherRows', () => {
  it.each(backends)(
    'copies the rows of the ids, for widths with and without a remainder of 4 (%s)',
    (backend) => {
      for (const width of [1, 3, 4, 7, 32]) {
        const { table, ids } = randomCase(11, width, 50);
        const out = new Float32Array(ids.length * width).fill(Number.NaN);
        gatherRows(table, ids, width, out, { backend });
        const expected = Array.from(ids).flatMap((id) =>
          Array.from(table.subarray(id * width, (id + 1) * width)),
        );
        expect(Array.from(out)).toEqual(expected);
      }
    },
  );

  it('names the offending id when one is out of range', () => {
    expect(() => gatherRows(new Float32Array(6), Int32Array.of(0, 3), 2, new Float32Array(4))).toThrow(
      'gatherRows: ids must be in [0, 2]. Received: ids[1]=3.',
    );
    expect(() => gatherRows(new Float32Array(6), Int32Array.of(0), 2, new Float32Array(3))).toThrow(
      'gatherRows: out must have ids.length*width = 2 elements. Received: out.length=3.',
    );
    expect(() =>
      gatherRows(new Float32Array(6), [0] as unknown as Int32Array, 2, new Float32Array(2)),
    ).toThrow('gatherRows: ids must be an Int32Array. Received: ids of type Array.');
  });
});

describe('scatterAddRows', () => {
  it.each(backends)('sums rows in row order, dropping out-of-range ids (%s)', (backend) => {
    for (const width of [1, 3, 4, 7, 32]) {
      const rows = 9;
      const { x, ids } = randomCase(rows, width, 60);
      ids[5] = -1;
      ids[7] = rows;
      const expected = new Float32Array(rows * width);
      for (let i = 0; i < ids.length; i++) {
        if (ids[i] < 0 || ids[i] >= rows) continue;
        for (let j = 0; j < width; j++) expected[ids[i] * width + j] += x[i * width + j];
      }
      const out = new Float32Array(rows * width).fill(5);
      scatterAddRows(x, ids, rows, width, out, { backend });
      expect(Array.from(out)).toEqual(Array.from(expected));
    }
  });

  it.skipIf(!wasmSupported())('gives the same bits on wasm and js at the IMDB shapes', () => {
    const { x, ids } = randomCase(1000, 32, 6400);
    const [a, b] = [new Float32Array(32000), new Float32Array(32000)];
    scatterAddRows(x, ids, 1000, 32, a, { backend: 'js' });
    scatterAddRows(x, ids, 1000, 32, b, { backend: 'wasm' });
    // Compared as bits (this suite also runs in Chromium, which has no Buffer).
    const bitsA = new Uint32Array(a.buffer);
    const bitsB = new Uint32Array(b.buffer);
    expect(bitsA.findIndex((bits, i) => bits !== bitsB[i])).toBe(-1);
  });

  it('rejects x and out of the wrong size', () => {
    expect(() => scatterAddRows(new Float32Array(3), Int32Array.of(0), 2, 2, new Float32Array(4))).toThrow(
      'scatterAddRows: x must have ids.length*width = 2 elements. Received: x.length=3.',
    );
    expect(() => scatterAddRows(new Float32Array(2), Int32Array.of(0), 2, 0, new Float32Array(4))).toThrow(
      'scatterAddRows: width must be a positive integer. Received: width=0.',
    );
  });
});
