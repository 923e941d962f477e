import type { Window1D } from './conv-utils';

/**
 * Copies the receptive fields of sample `b` of `x` ([batch, inLength, channels]) into `col`
 * ([outLength, size·channels]): row t holds taps j = 0..size-1 of output step t, each `channels` wide,
 * zeros where a tap falls in the padding. `col @ kernel` (kernel [size·channels, filters], Keras'
 * [size, channels, filters] read flat) is then the convolution of that sample.
 *
 * @example
 * const col = new Float32Array(2 * 2);
 * im2col(Float32Array.of(1, 2, 3), 0, 1, window1d(3, { size: 2 }), col); // col → [1, 2, 2, 3]
 */
export function im2col(x: Float32Array, b: number, channels: number, w: Window1D, col: Float32Array): void {
  const rowWidth = w.size * channels;
  const base = b * w.inLength * channels;
  for (let t = 0; t < w.outLength; t++) {
    const start = t * w.stride - w.padLeft;
    for (let j = 0; j < w.size; j++) {
      const src = start + j * w.dilation;
      const dst = t * rowWidth + j * channels;
      if (src < 0 || src >= w.inLength) {
        col.fill(0, dst, dst + channels);
      } else {
        col.set(x.subarray(base + src * channels, base + (src + 1) * channels), dst);
      }
    }
  }
}

/**
 * The adjoint of {@link im2col}: adds every entry of `col` back onto the input cell it was copied from,
 * in sample `b` of `dx`; padding taps are dropped.
 *
 * @example
 * const dx = new Float32Array(3);
 * col2im(Float32Array.of(1, 1, 1, 1), 0, 1, window1d(3, { size: 2 }), dx); // dx → [1, 2, 1]
 */
export function col2im(col: Float32Array, b: number, channels: number, w: Window1D, dx: Float32Array): void {
  const rowWidth = w.size * channels;
  const base = b * w.inLength * channels;
  for (let t = 0; t < w.outLength; t++) {
    const start = t * w.stride - w.padLeft;
    for (let j = 0; j < w.size; j++) {
      const src = start + j * w.dilation;
      if (src < 0 || src >= w.inLength) continue;
      const from = t * rowWidth + j * channels;
      const to = base + src * channels;
      for (let c = 0; c < channels; c++) dx[to + c] += col[from + c];
    }
  }
}
