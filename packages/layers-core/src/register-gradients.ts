import { registerAllGradients } from './vendor/register-all-gradients.js';

let registered = false;

/**
 * Registers tfjs-core's gradients (`tf.grad`, `tf.variableGrads` and every optimizer need them), once.
 *
 * tfjs-core's own entry registers none, and its registration module cannot be loaded by Node's ESM
 * loader, so layers-core carries a generated copy. Nothing registers at import time: every `Layer` and
 * `Sequential` calls this when it is constructed, so a bundle that imports only, say, `setGlobalSeed`
 * leaves the gradients out. Call it yourself to take gradients of plain tfjs-core ops before you build
 * a layer.
 *
 * @example
 * registerGradients();
 * tf.grad((x: tf.Tensor) => tf.square(x))(tf.scalar(3)); // → 6
 */
export function registerGradients(): void {
  if (registered) return;
  registered = true;
  registerAllGradients();
}
