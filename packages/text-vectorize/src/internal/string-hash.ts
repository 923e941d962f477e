/** FNV-1a offset basis: the hash of the empty range. */
export const HASH_SEED = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** One FNV-1a step over a UTF-16 code unit (the scanner inlines the same step while it reads). */
export function hashStep(hash: number, codeUnit: number): number {
  return Math.imul(hash ^ codeUnit, FNV_PRIME);
}

/** Hash of `s[start:end)` by UTF-16 code units; equal ranges give equal hashes wherever they sit. */
export function hashRange(s: string, start: number, end: number): number {
  let h = HASH_SEED;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}
