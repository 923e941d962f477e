import type * as tf from '@tensorflow/tfjs-core';

/** The reference counting `BackendWasm` shares with tfjs-backend-cpu. */
interface RefCounted {
  incRef(dataId: object): void;
}

/**
 * `Identity` (`clone()`, `customGrad`'s outputs, `tidy`'s kept values) that shares its input's data, as
 * tfjs-backend-cpu's does and as tfjs-backend-wasm's own `Reshape` does, instead of tfjs-backend-wasm's,
 * which copies the tensor into a new heap buffer (29 copies per imdb-lstm step). Tensors are immutable,
 * so sharing is safe; string tensors go to `fallback`, the kernel it replaces.
 *
 * @param fallback tfjs-backend-wasm's own `Identity`.
 * @example
 * tf.registerKernel(identityConfigFor(tf.getKernel('Identity', 'wasm').kernelFunc));
 */
export function identityConfigFor(fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: 'Identity',
    backendName: 'wasm',
    kernelFunc: (params) => {
      const { x } = params.inputs as { x: tf.TensorInfo };
      if (x.dtype === 'string') return fallback(params);
      (params.backend as unknown as RefCounted).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  };
}
