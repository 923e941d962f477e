/** How a convolution or pooling window treats the sequence ends (Keras' `padding`). */
export type ConvPadding = 'valid' | 'same' | 'causal';

/** Where a 1D window runs: everything the forward and backward passes need, in one place. */
export interface Window1D {
  /** Input steps (without padding). */
  inLength: number;
  /** Output steps. */
  outLength: number;
  /** Implicit zero (or ignored) cells before the first input step. */
  padLeft: number;
  /** Implicit cells after the last input step. */
  padRight: number;
  /** Window length in taps (`kernelSize` or `poolSize`). */
  size: number;
  stride: number;
  dilation: number;
}

/** The arguments of {@link window1d}. */
export interface Window1DOptions {
  /** Window length in taps. */
  size: number;
  /** @defaultValue 1 */
  stride?: number;
  /** @defaultValue 'valid' */
  padding?: ConvPadding;
  /** Gap between taps (`dilationRate`). @defaultValue 1 */
  dilation?: number;
}

/**
 * Output length of a 1D convolution or pooling (Keras' `conv_output_length`): `ceil(L / s)` under
 * 'same' and 'causal', `floor((L - span) / s) + 1` under 'valid', where `span = (size - 1)·dilation + 1`.
 * Unknown lengths (`null`, variable-length sequences) stay unknown. May be ≤ 0 when the window is
 * longer than a 'valid' input; {@link window1d} turns that into an error.
 *
 * @example
 * convOutputLength(500, 7, 'valid', 1) // → 494
 * convOutputLength(7, 3, 'same', 2) // → 4
 * convOutputLength(null, 3, 'valid', 1) // → null
 */
export function convOutputLength(
  inputLength: number | null,
  size: number,
  padding: ConvPadding,
  stride: number,
  dilation = 1,
): number | null {
  if (inputLength === null) return null;
  const span = (size - 1) * dilation + 1;
  const length = padding === 'valid' ? inputLength - span + 1 : inputLength;
  return Math.ceil(length / stride);
}

/**
 * The padding that makes {@link convOutputLength} true, TensorFlow's convention: 'valid' pads nothing,
 * 'causal' pads `(size - 1)·dilation` on the left only, and 'same' pads
 * `total = max((out - 1)·s + span - L, 0)` split as `floor(total / 2)` left, the rest right (so even
 * windows pad more on the right).
 *
 * @throws RangeError when a 'valid' window is longer than the input (no output step would exist).
 * @example
 * window1d(7, { size: 4, stride: 2, padding: 'same' })
 * // → { inLength: 7, outLength: 4, padLeft: 1, padRight: 2, size: 4, stride: 2, dilation: 1 }
 */
export function window1d(inLength: number, options: Window1DOptions, owner = 'window1d'): Window1D {
  const { size, stride = 1, padding = 'valid', dilation = 1 } = options;
  const span = (size - 1) * dilation + 1;
  const outLength = convOutputLength(inLength, size, padding, stride, dilation) as number;
  if (outLength < 1) {
    throw new RangeError(
      `${owner}: input length must be at least the window span ${span} (size ${size}, dilation ${dilation}) with padding "${padding}". Received: inputLength=${inLength}. To fix this, use longer inputs, a smaller window or padding "same".`,
    );
  }
  let padLeft = 0;
  let padRight = 0;
  if (padding === 'causal') {
    padLeft = span - 1;
  } else if (padding === 'same') {
    const total = Math.max((outLength - 1) * stride + span - inLength, 0);
    padLeft = Math.floor(total / 2);
    padRight = total - padLeft;
  }
  return { inLength, outLength, padLeft, padRight, size, stride, dilation };
}
