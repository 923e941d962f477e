/**
 * Splits `bytes` into consecutive chunks at the given cut positions (taken modulo `bytes.length + 1`,
 * deduplicated and sorted): how the fuzzers feed a parser the same input in arbitrary chunks.
 *
 * @param bytes - the whole input.
 * @param cuts - any natural numbers (fast-check generates them).
 * @returns the chunks, in order; empty chunks included.
 * @example
 * splitBytes(Buffer.from('abcd'), [1, 3]) // → [<61>, <62 63>, <64>]
 */
export function splitBytes(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const cut of [...at, bytes.length]) {
    out.push(bytes.subarray(from, cut));
    from = cut;
  }
  return out;
}
