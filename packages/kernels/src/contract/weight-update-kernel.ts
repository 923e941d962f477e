import type { RmspropArgs } from '../rmsprop-types';

/**
 * Kernel name of a host optimizer's update of one weight: inputs `param` and `grad` (float32, one shape),
 * output the new value of `param`, written by the `update` attribute. The backend supplies the output
 * array: a host-memory backend hands out a recycled one (a disposed tensor's that nothing else can hold),
 * so a step's new weights cost no fresh memory, which on Linux VMs costs more in page faults than the
 * update's arithmetic. No gradient: optimizers run outside the tape.
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqWeightUpdate, { param, grad }, { update: (p, g, out) => sgdStep(p, g, out) });
 * ```
 */
export const TensorseqWeightUpdate = 'TensorseqWeightUpdate';

/**
 * Attributes of {@link TensorseqWeightUpdate}.
 * @example
 * ```ts
 * const attrs: WeightUpdateKernelAttrs = {
 *   update: (p, g, out) => {
 *     for (let i = 0; i < p.length; i++) out[i] = p[i] - 0.01 * g[i];
 *   },
 * };
 * ```
 */
export type WeightUpdateKernelAttrs = {
  /**
   * Writes every element of `out` (unspecified contents on entry) from the current values `p` and the
   * gradient `g`, which it must not modify or keep.
   */
  update: (p: Float32Array, g: Float32Array, out: Float32Array) => void;
  /**
   * The same update as a rule the backend may run natively instead (`rmspropUpdate`: WebAssembly,
   * threaded, the same bits as `update`), with the optimizer's slot and hyper-parameters.
   */
  rule?: { name: 'rmsprop' } & Omit<RmspropArgs, 'p' | 'g' | 'out'>;
};
