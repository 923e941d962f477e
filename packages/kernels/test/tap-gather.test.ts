import { afterAll, describe, expect, it } from 'vitest';
import { setKernelsThreads, type TapGatherArgs, tapBiasGrad, tapGather, tapScatter } from '../src/index';
import { threadedUnsupported, wasmSupported } from '../src/wasm/wasm-kernels';
import { randomTapCase } from './random-tap';
import { seededRandom } from './seeded-random';

/** A Conv1D of embedded ids, straight from its definition (float64): the reference for the tap gather. */
function reference(embeddings: Float64Array, kernel: Float64Array, a: TapGatherArgs, channels: number) {
  const { batch, steps, filters: F, size: K, ids } = a;
  const L = steps - K + 1;
  const y = new Float64Array(batch * L * F);
  for (let b = 0; b < batch; b++)
    for (let t = 0; t < L; t++)
      for (let f = 0; f < F; f++) {
        let s = a.bias ? a.bias[f] : 0;
        for (let j = 0; j < K; j++)
          for (let c = 0; c < channels; c++)
            s += embeddings[ids[b * steps + t + j] * channels + c] * kernel[(j * channels + c) * F + f];
        y[(b * L + t) * F + f] = a.activation === 'relu' && s < 0 ? 0 : s;
      }
  return y;
}

const paths: [string, 'js' | 'wasm', number][] = [['js', 'js', 1]];
if (wasmSupported()) {
  paths.push(['wasm, 1 thread', 'wasm', 1]);
  if (threadedUnsupported(2) === null)
    paths.push(['wasm, 2 threads', 'wasm', 2], ['wasm, 3 threads', 'wasm', 3]);
}
const shapes = [
  { batch: 3, steps: 12, filters: 8, size: 3, vocab: 7 },
  { batch: 5, steps: 9, filters: 6, size: 4, vocab: 20 }, // F not a multiple of 4: the scalar tail
  { batch: 2, steps: 7, filters: 4, size: 3, vocab: 40 }, // more ids than positions: rows no thread fills
  { batch: 4, steps: 10, filters: 37, size: 3, vocab: 15 }, // dBias sums 16, 4 and 1 filters at a time
];

describe('tapGather / tapScatter', () => {
  afterAll(() => setKernelsThreads(1));

  it('computes the documented example', () => {
    const args: TapGatherArgs = {
      batch: 1,
      steps: 2,
      filters: 1,
      size: 2,
      vocab: 2,
      activation: 'linear',
      ids: Int32Array.of(0, 1),
      table: Float32Array.of(1, 10, 2, 20),
      bias: null,
    };
    expect(Array.from(tapGather(args))).toEqual([21]);
    const { dTable, dBias } = tapScatter(
      { ...args, hasBias: false },
      Float32Array.of(1),
      Float32Array.of(21),
    );
    expect(Array.from(dTable)).toEqual([1, 0, 0, 1]);
    expect(dBias).toBeNull();
    expect(Array.from(tapBiasGrad(args, Float32Array.of(3), Float32Array.of(-21)))).toEqual([3]);
    const relu = { batch: 1, steps: 3, filters: 1, size: 2, activation: 'relu' } as const;
    expect(Array.from(tapBiasGrad(relu, Float32Array.of(1, 2), Float32Array.of(0.5, 0)))).toEqual([1]);
  });

  it.each(shapes)('equals the Conv1D of the embedded ids, bit-identical on every path: %o', (shape) => {
    const { args, embeddings, kernel, channels } = randomTapCase(shape, shape.vocab);
    const expected = reference(embeddings, kernel, args, channels);
    const rand = seededRandom(99);
    const dy = Float32Array.from({ length: expected.length }, () => rand(-1, 1));
    const results = paths.map(([, backend, threads]) => {
      setKernelsThreads(threads);
      const y = tapGather(args, { backend });
      const biasOnly = tapBiasGrad(args, dy, y, { backend });
      return { y, biasOnly, ...tapScatter({ ...args, hasBias: true }, dy, y, { backend }) };
    });
    for (let i = 0; i < expected.length; i++) expect(results[0].y[i]).toBeCloseTo(expected[i], 5);
    // dBias = Σ dy where relu passed; dTable rows gather the passed dy of each id's windows.
    const L = shape.steps - shape.size + 1;
    const dBias = new Float64Array(shape.filters);
    const dTable = new Float64Array(results[0].dTable.length);
    for (let b = 0; b < shape.batch; b++)
      for (let t = 0; t < L; t++)
        for (let f = 0; f < shape.filters; f++) {
          const o = (b * L + t) * shape.filters + f;
          const g = expected[o] > 0 ? dy[o] : 0;
          dBias[f] += g;
          for (let j = 0; j < shape.size; j++)
            dTable[args.ids[b * shape.steps + t + j] * shape.size * shape.filters + j * shape.filters + f] +=
              g;
        }
    for (let i = 0; i < dTable.length; i++) expect(results[0].dTable[i]).toBeCloseTo(dTable[i], 5);
    for (let f = 0; f < shape.filters; f++) expect(results[0].dBias?.[f]).toBeCloseTo(dBias[f], 5);
    for (const [i, r] of results.entries()) {
      expect(Array.from(r.y), paths[i][0]).toEqual(Array.from(results[0].y));
      expect(Array.from(r.dTable), paths[i][0]).toEqual(Array.from(results[0].dTable));
      expect(Array.from(r.dBias ?? []), paths[i][0]).toEqual(Array.from(results[0].dBias ?? []));
      // The bias-only gradient sums in tapScatter's order: the same bits.
      expect(Array.from(r.biasOnly), paths[i][0]).toEqual(Array.from(r.dBias ?? []));
    }
    // Written into a caller's arrays (recycled outputs): the same bits, in those arrays.
    for (const [name, backend, threads] of paths) {
      setKernelsThreads(threads);
      const into = new Float32Array(expected.length).fill(Number.NaN);
      const y = tapGather(args, { backend, into });
      expect(y, name).toBe(into);
      expect(Array.from(y), name).toEqual(Array.from(results[0].y));
      const tableInto = new Float32Array(results[0].dTable.length).fill(Number.NaN);
      const g = tapScatter({ ...args, hasBias: false }, dy, y, { backend, into: tableInto });
      expect(g.dTable, name).toBe(tableInto);
      expect(Array.from(g.dTable), name).toEqual(Array.from(results[0].dTable));
    }
  });

  it('rejects ids outside the table and arrays of the wrong size, naming them', () => {
    const { args } = randomTapCase(shapes[0], 1);
    const ids = args.ids.slice();
    ids[5] = 7;
    expect(() => tapGather({ ...args, ids })).toThrow(
      'tapGather: ids must be in [0, 6]. Received: ids[5]=7.',
    );
    // Both paths check (WebAssembly on its copy of the ids): the first bad id, wherever it lies.
    const outputs = new Float32Array(240);
    for (const backend of ['js', 'wasm'] as const) {
      for (const [at, id] of [
        [5, 7],
        [0, -1],
        [ids.length - 1, 2 ** 31 - 1],
      ]) {
        const bad = args.ids.slice();
        bad[at] = id;
        bad[ids.length - 1] = at === ids.length - 1 ? id : 99;
        const first = at === ids.length - 1 ? at : Math.min(at, ids.length - 1);
        const message = `ids must be in [0, 6]. Received: ids[${first}]=${bad[first]}.`;
        expect(() => tapGather({ ...args, ids: bad }, { backend }), backend).toThrow(`tapGather: ${message}`);
        expect(
          () => tapScatter({ ...args, ids: bad, hasBias: false }, outputs, outputs, { backend }),
          backend,
        ).toThrow(`tapScatter: ${message}`);
      }
    }
    expect(() => tapGather({ ...args, table: new Float32Array(3) })).toThrow(
      'tapGather: table must be a Float32Array of vocab*size*filters = 168 elements. Received: table.length=3.',
    );
    expect(() => tapGather({ ...args, size: 13 })).toThrow(
      'tapGather: size must be at most steps = 12. Received: size=13.',
    );
    expect(() => tapScatter({ ...args, hasBias: false }, new Float32Array(2), new Float32Array(2))).toThrow(
      'tapScatter: dy must be a Float32Array of batch*(steps-size+1)*filters = 240 elements. Received: dy.length=2.',
    );
    expect(() => tapGather(args, { into: new Float32Array(5) })).toThrow(
      'tapGather: options.into must be a Float32Array of batch*(steps-size+1)*filters = 240 elements. Received: options.into.length=5.',
    );
    const dy = new Float32Array(240);
    expect(() => tapScatter({ ...args, hasBias: false }, dy, dy, { into: new Float32Array(5) })).toThrow(
      'tapScatter: options.into must be a Float32Array of vocab*size*filters = 168 elements. Received: options.into.length=5.',
    );
    expect(() => tapBiasGrad(args, new Float32Array(240), new Float32Array(3))).toThrow(
      'tapBiasGrad: y must be a Float32Array of batch*(steps-size+1)*filters = 240 elements. Received: y.length=3.',
    );
    expect(() => tapBiasGrad({ ...args, filters: 0 }, new Float32Array(0), new Float32Array(0))).toThrow(
      'tapBiasGrad: filters must be an integer ≥ 1. Received: filters=0.',
    );
  });
});
