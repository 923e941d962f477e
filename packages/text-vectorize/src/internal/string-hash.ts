/**
 * The token hash of the scanners and the vocabulary. Per UTF-16 unit it only rotates and xors (a
 * two-cycle dependency chain, where FNV's multiply costs four: the scanners run it on every
 * character of the corpus); per token it mixes once with MurmurHash3's finalizer so the low bits that
 * index the table are well spread. Equal ranges give equal hashes wherever they sit.
 */
export const HASH_SEED = 0;

/** One per-unit step: `rotl(h, 5) ^ codeUnit`. */
export function hashStep(h: number, codeUnit: number): number {
  return ((h << 5) | (h >>> 27)) ^ codeUnit;
}

/** The per-token finish: MurmurHash3's fmix32 of the running hash and the token length. */
export function finishHash(h: number, length: number): number {
  h ^= Math.imul(length, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Hash of `s[start:end)`. */
export function hashRange(s: string, start: number, end: number): number {
  let h = HASH_SEED;
  for (let i = start; i < end; i++) h = ((h << 5) | (h >>> 27)) ^ s.charCodeAt(i);
  return finishHash(h, end - start);
}
