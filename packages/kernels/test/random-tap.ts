import type { TapGatherArgs } from '../src/index';
import { seededRandom } from './seeded-random';

/** Random embeddings [V, C] and kernel [K, C, F], and the tap table [V, K·F] they give. */
export function randomTapCase(
  shape: { batch: number; steps: number; filters: number; size: number; vocab: number },
  seed: number,
) {
  const rand = seededRandom(seed);
  const channels = 5;
  const { vocab: V, size: K, filters: F } = shape;
  const embeddings = Float64Array.from({ length: V * channels }, () => rand(-1, 1));
  const kernel = Float64Array.from({ length: K * channels * F }, () => rand(-1, 1));
  const table = new Float32Array(V * K * F);
  for (let v = 0; v < V; v++)
    for (let j = 0; j < K; j++)
      for (let f = 0; f < F; f++) {
        let s = 0;
        for (let c = 0; c < channels; c++)
          s += embeddings[v * channels + c] * kernel[(j * channels + c) * F + f];
        table[v * K * F + j * F + f] = s;
      }
  const args: TapGatherArgs = {
    ...shape,
    activation: 'relu',
    ids: Int32Array.from({ length: shape.batch * shape.steps }, () => Math.floor(rand(0, V))),
    table,
    bias: Float32Array.from({ length: F }, () => rand(-0.5, 0.5)),
  };
  return { args, embeddings, kernel, channels };
}
