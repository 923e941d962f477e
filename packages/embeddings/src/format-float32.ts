/**
 * Formats a float32 value the way numpy's `repr(np.float32(x))` does, which is what gensim's
 * `save_word2vec_format` writes: the shortest digits that read back to the same float32, positional
 * for 1e-4 ≤ |x| < 1e16 (`0.418`, `3.0`, `123456790.0`), scientific otherwise (`1e-05`, `1e+16`).
 */
export function formatFloat32(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const { digits, exponent } = shortestDigits(value);
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  return (
    sign +
    (magnitude >= 1e-4 && magnitude < 1e16 ? positional(digits, exponent) : scientific(digits, exponent))
  );
}

/** Shortest decimal digits (no sign, no dot) and exponent of the first digit that round-trip to float32. */
function shortestDigits(value: number): { digits: string; exponent: number } {
  const magnitude = Math.abs(value);
  for (let precision = 1; precision < 9; precision++) {
    const text = magnitude.toExponential(precision - 1);
    if (Math.fround(Number(text)) === magnitude) return splitExponential(text);
  }
  return splitExponential(magnitude.toExponential(8));
}

function splitExponential(text: string): { digits: string; exponent: number } {
  const [mantissa, exponent] = text.split('e');
  return { digits: mantissa.replace('.', '').replace(/0+$/, '') || '0', exponent: Number(exponent) };
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
