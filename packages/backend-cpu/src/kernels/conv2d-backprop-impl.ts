/** The geometry of an NHWC 2-D convolution (tfjs' `Conv2DInfo`, the fields these loops read). */
export interface ConvGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
}

/**
 * dL/dfilter of an NHWC convolution (no dilation): `dW[r, c, i, o] = Σ x[b, yr·s + r - top, yc·s + c - left, i] · dy[b, yr, yc, o]`.
 *
 * @example
 * conv2dBackpropFilterImpl(x, dy, geometry); // → Float32Array [fh·fw·inC·outC]
 */
export function conv2dBackpropFilterImpl(
  x: ArrayLike<number>,
  dy: ArrayLike<number>,
  g: ConvGeometry,
): Float32Array {
  const dW = new Float32Array(g.filterHeight * g.filterWidth * g.inChannels * g.outChannels);
  for (let wR = 0; wR < g.filterHeight; wR++) {
    const yRMin = Math.max(0, Math.ceil((g.padTop - wR) / g.strideHeight));
    const yRMax = Math.min(g.outHeight, (g.inHeight + g.padTop - wR) / g.strideHeight);
    for (let wC = 0; wC < g.filterWidth; wC++) {
      const yCMin = Math.max(0, Math.ceil((g.padLeft - wC) / g.strideWidth));
      const yCMax = Math.min(g.outWidth, (g.inWidth + g.padLeft - wC) / g.strideWidth);
      const base = (wR * g.filterWidth + wC) * g.inChannels * g.outChannels;
      for (let b = 0; b < g.batchSize; b++) {
        for (let yR = yRMin; yR < yRMax; yR++) {
          const xR = wR + yR * g.strideHeight - g.padTop;
          for (let yC = yCMin; yC < yCMax; yC++) {
            const xC = wC + yC * g.strideWidth - g.padLeft;
            const xOff = ((b * g.inHeight + xR) * g.inWidth + xC) * g.inChannels;
            const dyOff = ((b * g.outHeight + yR) * g.outWidth + yC) * g.outChannels;
            for (let i = 0; i < g.inChannels; i++) {
              const xv = x[xOff + i];
              if (xv === 0) continue;
              const row = base + i * g.outChannels;
              for (let o = 0; o < g.outChannels; o++) dW[row + o] += xv * dy[dyOff + o];
            }
          }
        }
      }
    }
  }
  return dW;
}

/**
 * dL/dx of an NHWC convolution (no dilation): the transposed convolution of `dy` with the filter.
 *
 * @example
 * conv2dBackpropInputImpl(dy, filter, geometry); // → Float32Array [b·h·w·inC]
 */
export function conv2dBackpropInputImpl(
  dy: ArrayLike<number>,
  w: ArrayLike<number>,
  g: ConvGeometry,
): Float32Array {
  const dx = new Float32Array(g.batchSize * g.inHeight * g.inWidth * g.inChannels);
  for (let b = 0; b < g.batchSize; b++) {
    for (let yR = 0; yR < g.outHeight; yR++) {
      for (let wR = 0; wR < g.filterHeight; wR++) {
        const xR = yR * g.strideHeight + wR - g.padTop;
        if (xR < 0 || xR >= g.inHeight) continue;
        for (let yC = 0; yC < g.outWidth; yC++) {
          const dyOff = ((b * g.outHeight + yR) * g.outWidth + yC) * g.outChannels;
          for (let wC = 0; wC < g.filterWidth; wC++) {
            const xC = yC * g.strideWidth + wC - g.padLeft;
            if (xC < 0 || xC >= g.inWidth) continue;
            const xOff = ((b * g.inHeight + xR) * g.inWidth + xC) * g.inChannels;
            const wOff = (wR * g.filterWidth + wC) * g.inChannels * g.outChannels;
            for (let i = 0; i < g.inChannels; i++) {
              let sum = 0;
              const row = wOff + i * g.outChannels;
              for (let o = 0; o < g.outChannels; o++) sum += dy[dyOff + o] * w[row + o];
              dx[xOff + i] += sum;
            }
          }
        }
      }
    }
  }
  return dx;
}
