/**
 * Kernel name of the fused Conv1D (forward), declared once here as tfjs declares its own kernels: each
 * backend adapter registers a `KernelConfig` under it, and one `GradConfig` differentiates it through
 * {@link TensorseqConv1DGrad}.
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqConv1D, { x, kernel, bias }, attrs); // → y [B, outLength, F]
 * ```
 */
export const TensorseqConv1D = 'TensorseqConv1D';
/**
 * Kernel name of the Conv1D weight gradients, run by the gradient of {@link TensorseqConv1D}.
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqConv1DGrad, { dy, x, kernel, y }, attrs); // → [dKernel, dBias]
 * ```
 */
export const TensorseqConv1DGrad = 'TensorseqConv1DGrad';
/**
 * Kernel name of the Conv1D input gradient, run by the gradient of {@link TensorseqConv1D} only when
 * something upstream needs dx (a first layer's input needs none, and tfjs' tape then never asks).
 * @example
 * ```ts
 * tf.engine().runKernel(TensorseqConv1DInputGrad, { dy, x, kernel, y }, attrs); // → dx
 * ```
 */
export const TensorseqConv1DInputGrad = 'TensorseqConv1DInputGrad';

/**
 * Where a 1D window runs over the steps of `[batch, inLength, channels]` (the input's own length is read
 * from its shape): the attrs shared by the Conv1D and pooling kernels. `outLength` must equal
 * `floor((inLength + padLeft + padRight - (size - 1)·dilation - 1) / stride) + 1`.
 * @example
 * ```ts
 * const w: Window1DKernelAttrs = { size: 3, stride: 1, dilation: 1, padLeft: 2, padRight: 0, outLength: 10 };
 * ```
 */
export type Window1DKernelAttrs = {
  /** Taps of the window (`kernelSize` or `poolSize`). */
  size: number;
  /** Step between window starts. */
  stride: number;
  /** Distance between taps (1 for pooling). */
  dilation: number;
  /** Zero (or, for pooling, ignored) steps before the first input step. */
  padLeft: number;
  /** Zero (or ignored) steps after the last input step. */
  padRight: number;
  /** Output steps. */
  outLength: number;
};

/** The activations a Conv1D kernel applies in place (others run after it, as tfjs ops). */
export type Conv1DKernelActivation = 'linear' | 'relu';

/**
 * Attributes of {@link TensorseqConv1D} and of its backward kernel.
 * @example
 * ```ts
 * const attrs: Conv1DKernelAttrs = { ...window, activation: 'relu' };
 * ```
 */
export type Conv1DKernelAttrs = Window1DKernelAttrs & {
  /** Applied to the outputs inside the kernel (its derivative inside the backward kernel). */
  activation: Conv1DKernelActivation;
};

/**
 * Inputs of {@link TensorseqConv1D} (`T` is the tensor type: tfjs' `TensorInfo` in the adapters, `Tensor`
 * in the layers). Keras layouts, float32.
 * @example
 * ```ts
 * const inputs: Conv1DKernelInputs<tf.Tensor> = { x, kernel, bias };
 * ```
 */
export interface Conv1DKernelInputs<T> {
  /** [B, inLength, C]. */
  x: T;
  /** [size, C, F]. */
  kernel: T;
  /** [F]; absent without bias. */
  bias?: T;
}

/**
 * Inputs of {@link TensorseqConv1DGrad}, whose outputs are dKernel [size, C, F] and dBias [F] (always
 * computed: the gradient drops it when the forward had no bias), and of {@link TensorseqConv1DInputGrad},
 * whose output is dx [B, inLength, C] (it reads x's shape only).
 * @example
 * ```ts
 * const gradInputs: Conv1DGradKernelInputs<tf.Tensor> = { dy, x, kernel, y };
 * ```
 */
export interface Conv1DGradKernelInputs<T> {
  /** dL/dy [B, outLength, F]. */
  dy: T;
  /** The forward's x. */
  x: T;
  /** The forward's kernel. */
  kernel: T;
  /** The forward's output (read by the relu derivative). */
  y: T;
}
