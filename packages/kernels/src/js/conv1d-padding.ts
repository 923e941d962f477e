import type { Conv1dArgs } from '../conv1d-types';

/** Steps of one sample of `x` (the span without the kernel-added padding). */
export function conv1dInLength(a: Conv1dArgs): number {
  return a.span - (a.padLeft ?? 0) - (a.padRight ?? 0);
}

/** `a` with its padding made explicit: `x` copied with zero steps around every sample (as is when unpadded). */
export function conv1dPadded(a: Conv1dArgs): Conv1dArgs {
  const left = a.padLeft ?? 0;
  const inLength = conv1dInLength(a);
  if (inLength === a.span) return a;
  const c = a.channels;
  const x = new Float32Array(a.batch * a.span * c);
  for (let b = 0; b < a.batch; b++) {
    x.set(a.x.subarray(b * inLength * c, (b + 1) * inLength * c), (b * a.span + left) * c);
  }
  return { ...a, x, padLeft: 0, padRight: 0 };
}

/** The steps of a padded [batch, span, channels] array that belong to `x` (the inverse of {@link conv1dPadded}). */
export function conv1dUnpad(a: Conv1dArgs, padded: Float32Array): Float32Array {
  const left = a.padLeft ?? 0;
  const inLength = conv1dInLength(a);
  if (inLength === a.span) return padded;
  const c = a.channels;
  const out = new Float32Array(a.batch * inLength * c);
  for (let b = 0; b < a.batch; b++) {
    const from = (b * a.span + left) * c;
    out.set(padded.subarray(from, from + inLength * c), b * inLength * c);
  }
  return out;
}
