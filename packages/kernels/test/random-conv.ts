import type { Conv1dArgs } from '../src/index';
import { seededRandom } from './seeded-random';

/** A convolution's sizes, and whether it has a bias. */
export type ConvShape = Pick<Conv1dArgs, 'batch' | 'span' | 'channels' | 'filters' | 'size' | 'dilation'> & {
  bias: boolean;
};

/** Seeded inputs, kernel and bias in [-1, 1) for a convolution of `shape` (linear). */
export function randomConv(o: ConvShape, seed = 1): Conv1dArgs {
  const rand = seededRandom(seed);
  const fill = (n: number) => Float32Array.from({ length: n }, () => rand(-1, 1));
  return {
    ...o,
    outLength: o.span - (o.size - 1) * o.dilation,
    x: fill(o.batch * o.span * o.channels),
    kernel: fill(o.size * o.channels * o.filters),
    bias: o.bias ? fill(o.filters) : null,
  };
}
