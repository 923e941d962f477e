import type { NDArray } from '@tensorseq/text-vectorize';

/** Prints a Map the way Python prints a dict: `{'The': 1, 'cat': 2}`. */
export function pyDict(map: ReadonlyMap<string | number, string | number>): string {
  const repr = (v: string | number) => (typeof v === 'string' ? `'${v}'` : String(v));
  return `{${[...map].map(([k, v]) => `${repr(k)}: ${repr(v)}`).join(', ')}}`;
}

/** Lists the positions of the ones of a 3-D one-hot tensor as `sample i, position j -> index k`. */
export function hotPositions(array: NDArray): string[] {
  const [, length, depth] = array.shape;
  const lines: string[] = [];
  array.data.forEach((v, flat) => {
    if (v === 0) return;
    const k = flat % depth;
    const j = Math.floor(flat / depth) % length;
    const i = Math.floor(flat / (depth * length));
    lines.push(`results[${i}, ${j}, ${k}] = 1`);
  });
  return lines;
}
