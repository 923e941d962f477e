/** Whether row b is masked at time t (mask [B, T], 0 = masked). */
export function isMasked(mask: Float32Array | null, T: number, b: number, t: number): boolean {
  return mask !== null && mask[b * T + t] === 0;
}
