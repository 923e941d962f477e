import type { RmspropArgs } from '../rmsprop-types';

/**
 * {@link rmspropUpdate}'s TypeScript loop, with no WebAssembly behind it (a package that only needs the
 * loop does not bundle the kernels): JavaScript numbers (doubles), each result rounded to float32 on its
 * store. No argument checks.
 *
 * @param args The arrays and hyper-parameters; `a` is updated in place, `out` receives the new weight.
 * @example
 * ```ts
 * import { rmspropUpdateJs } from '@tensorseq/kernels';
 * rmspropUpdateJs({ p, g, a, out, learningRate: 1e-3, rho: 0.9, epsilon: 1e-7, epsilonInside: false });
 * ```
 */
export function rmspropUpdateJs(args: RmspropArgs): void {
  const { p, g, a, out, learningRate: lr, rho, epsilon: eps } = args;
  // Two loops rather than a branch per element: this runs over every weight on every step.
  if (args.epsilonInside) {
    for (let i = 0; i < p.length; i++) {
      const gi = g[i];
      const ai = rho * a[i] + (1 - rho) * gi * gi;
      a[i] = ai;
      out[i] = p[i] - (lr * gi) / Math.sqrt(ai + eps);
    }
    return;
  }
  for (let i = 0; i < p.length; i++) {
    const gi = g[i];
    const ai = rho * a[i] + (1 - rho) * gi * gi;
    a[i] = ai;
    out[i] = p[i] - (lr * gi) / (Math.sqrt(ai) + eps);
  }
}
