import type { UnicodeErrors } from './load-options';
import { latin1 } from './parse-float';

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const replacingDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Decodes the UTF-8 bytes of a word with Python's error handlers: `strict` returns undefined on invalid
 * bytes (the caller reports where), `replace` puts U+FFFD for each maximal invalid subsequence (what
 * both Python and the WHATWG decoder do), `ignore` drops those bytes.
 */
export function decodeWord(
  bytes: Uint8Array,
  start: number,
  end: number,
  unicodeErrors: UnicodeErrors,
): string | undefined {
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (bytes[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return latin1(bytes, start, end);
  const slice = bytes.subarray(start, end);
  if (unicodeErrors === 'replace') return replacingDecoder.decode(slice);
  try {
    return strictDecoder.decode(slice);
  } catch {
    return unicodeErrors === 'ignore' ? decodeIgnoring(slice) : undefined;
  }
}

/** Decodes valid UTF-8 sequences and skips each maximal invalid subsequence (Python's `ignore`). */
function decodeIgnoring(bytes: Uint8Array): string {
  const kept: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length > 0) {
      for (let k = 0; k < length; k++) kept.push(bytes[i + k]);
      i += length;
    } else {
      i += Math.max(1, -length);
    }
  }
  return strictDecoder.decode(Uint8Array.from(kept));
}

/**
 * Length of the valid UTF-8 sequence at `i`, or minus the length of the maximal invalid subpart to skip
 * (Unicode's "maximal subpart" rule, table 3-7 of the standard).
 */
function validSequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) need = 1;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 2;
    if (b0 === 0xe0) lo = 0xa0;
    if (b0 === 0xed) hi = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 3;
    if (b0 === 0xf0) lo = 0x90;
    if (b0 === 0xf4) hi = 0x8f;
  } else return -1;
  for (let k = 1; k <= need; k++) {
    const b = bytes[i + k];
    const inRange = k === 1 ? b >= lo && b <= hi : b >= 0x80 && b <= 0xbf;
    if (i + k >= bytes.length || !inRange) return -k;
  }
  return need + 1;
}
