/** Activations the typed-array convolution paths apply inside their custom gradient. */
export type FusedActivation = 'linear' | 'relu';

/**
 * Whether an activation can run inside the typed-array kernels (saving the separate activation op, its
 * gradient op and their `[batch, steps, filters]` temporaries); others are applied after as tfjs ops.
 *
 * @example
 * isFusedActivation('relu') // → true
 * isFusedActivation('tanh') // → false
 */
export function isFusedActivation(name: string): name is FusedActivation {
  return name === 'linear' || name === 'relu';
}

/**
 * Applies the activation in place to the pre-activations `y`.
 *
 * @example
 * const y = Float32Array.of(-1, 2);
 * applyFusedActivation('relu', y); // y → [0, 2]
 */
export function applyFusedActivation(activation: FusedActivation, y: Float32Array): void {
  if (activation === 'linear') return;
  for (let i = 0; i < y.length; i++) if (y[i] < 0) y[i] = 0;
}

/**
 * The gradient with respect to the pre-activations, from the upstream gradient `dy` and the activated
 * output `y` (relu passes `dy` where `y > 0`, as tfjs' relu gradient does). Returns `dy` itself for linear.
 *
 * @example
 * fusedActivationGrad('relu', Float32Array.of(5, 5), Float32Array.of(0, 2)) // → [0, 5]
 */
export function fusedActivationGrad(
  activation: FusedActivation,
  dy: Float32Array,
  y: Float32Array,
): Float32Array {
  if (activation === 'linear') return dy;
  const out = new Float32Array(dy.length);
  for (let i = 0; i < dy.length; i++) if (y[i] > 0) out[i] = dy[i];
  return out;
}
