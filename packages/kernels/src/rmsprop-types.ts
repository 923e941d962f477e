/**
 * One RMSprop step over a weight: its values, gradient, squared-gradient average (updated in place) and
 * where to write the new values, with the hyper-parameters.
 * @example
 * ```ts
 * const args: RmspropArgs = { p, g, a, out, learningRate: 1e-3, rho: 0.9, epsilon: 1e-7, epsilonInside: false };
 * ```
 */
export interface RmspropArgs {
  /** The weight's values (read only). */
  p: Float32Array;
  /** Its gradient (read only), of p's length. */
  g: Float32Array;
  /** The average of squared gradients, of p's length: read, then overwritten with the new average. */
  a: Float32Array;
  /** Receives the new values, of p's length. */
  out: Float32Array;
  learningRate: number;
  rho: number;
  epsilon: number;
  /** `√(a + ε)` (Keras 3, tfjs) instead of `√a + ε` (Keras 2). */
  epsilonInside: boolean;
}
