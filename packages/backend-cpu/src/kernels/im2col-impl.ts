import type { Window1DKernelAttrs } from '@tensorseq/kernels';

/** What {@link im2col} needs of a Conv1D's sizes. */
interface ColDims {
  inLength: number;
  channels: number;
  w: Window1DKernelAttrs;
}

/** The input step that tap `j` of output step `t` reads (outside `[0, inLength)`: a padding cell). */
function source(t: number, j: number, w: Window1DKernelAttrs): number {
  return t * w.stride - w.padLeft + j * w.dilation;
}

/**
 * Copies the receptive fields of sample `b` of `x` ([batch, inLength, channels]) into `col`
 * ([outLength, size·channels]): row t holds taps j = 0..size-1 of output step t, zeros where a tap falls
 * in the padding. `col @ kernel` (Keras' [size, channels, filters] read flat) is then that sample's conv.
 *
 * @example
 * im2col(Float32Array.of(1, 2, 3), 0, dims, col); // size 2, valid: col → [1, 2, 2, 3]
 */
export function im2col(x: Float32Array, b: number, d: ColDims, col: Float32Array): void {
  const { w, channels, inLength } = d;
  const base = b * inLength * channels;
  for (let t = 0; t < w.outLength; t++) {
    for (let j = 0; j < w.size; j++) {
      const src = source(t, j, w);
      const dst = (t * w.size + j) * channels;
      if (src < 0 || src >= inLength) col.fill(0, dst, dst + channels);
      else col.set(x.subarray(base + src * channels, base + (src + 1) * channels), dst);
    }
  }
}

/**
 * The adjoint of {@link im2col}: adds every entry of `col` back onto the input cell it was copied from,
 * in sample `b` of `dx`; padding taps are dropped.
 *
 * @example
 * col2im(Float32Array.of(1, 1, 1, 1), 0, dims, dx); // size 2, valid: dx → [1, 2, 1]
 */
export function col2im(col: Float32Array, b: number, d: ColDims, dx: Float32Array): void {
  const { w, channels, inLength } = d;
  const base = b * inLength * channels;
  for (let t = 0; t < w.outLength; t++) {
    for (let j = 0; j < w.size; j++) {
      const src = source(t, j, w);
      if (src < 0 || src >= inLength) continue;
      const from = (t * w.size + j) * channels;
      const to = base + src * channels;
      for (let c = 0; c < channels; c++) dx[to + c] += col[from + c];
    }
  }
}
