/**
 * 32-bit FNV-1a hash of a string's UTF-8 bytes: a fast, stable, non-cryptographic alternative to md5
 * for the hashing trick (the same word always gets the same value, in every runtime).
 *
 * @param text - The string to hash (encoded as UTF-8 on the fly, without allocating).
 * @returns An unsigned 32-bit integer.
 *
 * @example
 * fnv1a('') // → 2166136261
 * fnv1a('a') // → 3826002220
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) {
      h = Math.imul(h ^ cp, 0x01000193);
    } else if (cp < 0x800) {
      h = Math.imul(h ^ (0xc0 | (cp >> 6)), 0x01000193);
      h = Math.imul(h ^ (0x80 | (cp & 63)), 0x01000193);
    } else if (cp < 0x10000) {
      h = Math.imul(h ^ (0xe0 | (cp >> 12)), 0x01000193);
      h = Math.imul(h ^ (0x80 | ((cp >> 6) & 63)), 0x01000193);
      h = Math.imul(h ^ (0x80 | (cp & 63)), 0x01000193);
    } else {
      h = Math.imul(h ^ (0xf0 | (cp >> 18)), 0x01000193);
      h = Math.imul(h ^ (0x80 | ((cp >> 12) & 63)), 0x01000193);
      h = Math.imul(h ^ (0x80 | ((cp >> 6) & 63)), 0x01000193);
      h = Math.imul(h ^ (0x80 | (cp & 63)), 0x01000193);
    }
  }
  return h >>> 0;
}
