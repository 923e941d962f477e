import type { NDArray } from '../nd-array';
import { allocate } from './allocate';

/** How a matrix weighs a word (Keras' four modes). */
type Mode = 'binary' | 'count' | 'tfidf' | 'freq';

/**
 * Keras' `sequences_to_matrix` core: one row per sequence, `width` columns; indices ≥ width are skipped,
 * `'freq'` divides by the full sequence length, `'tfidf'` is `(1 + ln c) · idf[j]`. A width too large to
 * allocate is a RangeError naming `sizeArg` (the argument that decided it) under `owner`.
 */
export function sequencesMatrix(
  sequences: ArrayLike<ArrayLike<number>>,
  mode: Mode,
  width: number,
  dtype: 'float64' | 'float32',
  idf: Float64Array | undefined,
  { owner, sizeArg }: { owner: string; sizeArg: string },
): NDArray<Float64Array | Float32Array> {
  const rows = sequences.length;
  const Ctor = dtype === 'float32' ? Float32Array : Float64Array;
  const per = `${rows} rows × width ${width}`;
  const data = allocate<Float32Array | Float64Array>(Ctor, rows * width, owner, sizeArg, width, per);
  const counts = allocate(Float64Array, width, owner, sizeArg, width, 'one row');
  const touched: number[] = [];
  for (let i = 0; i < rows; i++) {
    const seq = sequences[i];
    touched.length = 0;
    for (let k = 0; k < seq.length; k++) {
      const j = seq[k];
      if (j >= width) continue;
      if (counts[j] === 0) touched.push(j);
      counts[j]++;
    }
    const row = i * width;
    for (const j of touched) {
      const c = counts[j];
      counts[j] = 0;
      if (mode === 'count') data[row + j] = c;
      else if (mode === 'freq') data[row + j] = c / seq.length;
      else if (mode === 'binary') data[row + j] = 1;
      else data[row + j] = (1 + Math.log(c)) * idf![j];
    }
  }
  return { data, shape: [rows, width] };
}

/** Keras' tf-idf document weight per column: `ln(1 + documentCount / (1 + indexDocs[j]))`. */
export function idfWeights(
  width: number,
  documentCount: number,
  indexDocs: ReadonlyMap<number, number>,
): Float64Array {
  const idf = new Float64Array(width);
  for (let j = 0; j < width; j++) idf[j] = Math.log(1 + documentCount / (1 + (indexDocs.get(j) ?? 0)));
  return idf;
}
