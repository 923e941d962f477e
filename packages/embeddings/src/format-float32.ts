/**
 * Formats a float32 value the way numpy's `repr(np.float32(x))` does, which is what gensim's
 * `save_word2vec_format` writes: the shortest digits that read back to the same float32, positional
 * for 1e-4 ≤ |x| < 1e16 (`0.418`, `3.0`, `123456790.0`), scientific otherwise (`1e-05`, `1e+16`).
 *
 * @example
 * formatFloat32(Math.fround(0.418)); // → '0.418'
 * formatFloat32(1e-5); // → '1e-05'
 */
export function formatFloat32(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  const text = shortestExponential(Math.fround(magnitude));
  const e = text.indexOf('e');
  const digits = text.charCodeAt(1) === 46 /* . */ ? text[0] + text.slice(2, e) : text.slice(0, e);
  const exponent = Number(text.slice(e + 1));
  const body =
    magnitude >= 1e-4 && magnitude < 1e16 ? positional(digits, exponent) : scientific(digits, exponent);
  return value < 0 ? `-${body}` : body;
}

/** `toExponential` with the fewest digits that read back to the same float32 (at most 9 are needed). */
function shortestExponential(magnitude: number): string {
  // Most float32 values need 6 to 9 digits: start at 6 and walk down or up (2 to 4 tries, not 9).
  let text = magnitude.toExponential(5);
  if (Math.fround(Number(text)) === magnitude) {
    for (let fraction = 4; fraction >= 0; fraction--) {
      const shorter = magnitude.toExponential(fraction);
      if (Math.fround(Number(shorter)) !== magnitude) break;
      text = shorter;
    }
    return text;
  }
  for (let fraction = 6; fraction <= 8; fraction++) {
    text = magnitude.toExponential(fraction);
    if (Math.fround(Number(text)) === magnitude) break;
  }
  return text;
}

function positional(digits: string, exponent: number): string {
  if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
  const integerLength = exponent + 1;
  if (digits.length <= integerLength) return `${digits}${'0'.repeat(integerLength - digits.length)}.0`;
  return `${digits.slice(0, integerLength)}.${digits.slice(integerLength)}`;
}

function scientific(digits: string, exponent: number): string {
  const mantissa = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}
