import type { Window1DKernelAttrs } from './conv1d-kernel';

/**
 * Kernel name of 1D max pooling over steps: `[B, inLength, C]` → `[B, outLength, C]`. Padding cells never
 * win; the gradient ({@link TensorseqMaxPool1DGrad}) goes to each window's first arg-max, as TensorFlow's.
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqMaxPool1D, { x }, window); // → y [B, outLength, C]
 * ```
 */
export const TensorseqMaxPool1D = 'TensorseqMaxPool1D';
/**
 * Kernel name of the max pooling backward pass.
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqMaxPool1DGrad, { dy, x }, window); // → dx [B, inLength, C]
 * ```
 */
export const TensorseqMaxPool1DGrad = 'TensorseqMaxPool1DGrad';
/**
 * Kernel name of 1D average pooling over steps. Each window divides by its number of real cells
 * (TensorFlow's convention under 'same'); the gradient ({@link TensorseqAvgPool1DGrad}) spreads back alike.
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqAvgPool1D, { x }, window); // → y [B, outLength, C]
 * ```
 */
export const TensorseqAvgPool1D = 'TensorseqAvgPool1D';
/**
 * Kernel name of the average pooling backward pass.
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqAvgPool1DGrad, { dy, x }, window); // → dx [B, inLength, C]
 * ```
 */
export const TensorseqAvgPool1DGrad = 'TensorseqAvgPool1DGrad';

/**
 * The forward and backward kernel names of each pooling mode.
 * @example
 * ```ts
 * POOL1D_KERNELS.max.forward; // → 'TensorseqMaxPool1D'
 * ```
 */
export const POOL1D_KERNELS: Readonly<Record<Pool1DMode, { forward: string; backward: string }>> = {
  max: { forward: TensorseqMaxPool1D, backward: TensorseqMaxPool1DGrad },
  avg: { forward: TensorseqAvgPool1D, backward: TensorseqAvgPool1DGrad },
};

/** The pooling modes with kernels. */
export type Pool1DMode = 'max' | 'avg';

/**
 * Attributes of the pooling kernels and of their backward kernels: the window (dilation 1).
 * @example
 * ```ts
 * const attrs: Pool1DKernelAttrs = { size: 2, stride: 2, dilation: 1, padLeft: 0, padRight: 0, outLength: 5 };
 * ```
 */
export type Pool1DKernelAttrs = Window1DKernelAttrs;

/**
 * Inputs of a pooling kernel.
 * @example
 * ```ts
 * const inputs: Pool1DKernelInputs<tf.Tensor> = { x };
 * ```
 */
export interface Pool1DKernelInputs<T> {
  /** [B, inLength, C] float32. */
  x: T;
}

/**
 * Inputs of a pooling backward kernel; its output is dx [B, inLength, C].
 * @example
 * ```ts
 * const gradInputs: Pool1DGradKernelInputs<tf.Tensor> = { dy, x };
 * ```
 */
export interface Pool1DGradKernelInputs<T> {
  /** dL/dy [B, outLength, C]. */
  dy: T;
  /** The forward's x (max pooling finds the arg-max again; average pooling reads its shape). */
  x: T;
}
