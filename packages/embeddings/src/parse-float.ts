/** Exact powers of ten as doubles (10^0 … 10^22 are exactly representable). */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** At most 15 significant digits fit a double's 53-bit mantissa exactly. */
const MAX_EXACT_DIGITS = 15;

/** Result slot of {@link parseFloatBytes}: where the number ended (avoids allocating a tuple per call). */
export const parsed = { end: 0 };

/**
 * Parses the decimal number in `bytes[start..]` that ends at the first byte equal to `stop` or at
 * `limit`, whichever comes first, and returns it (NaN when the token is not a number; check with
 * {@link isPythonFloat} to tell a real `nan` from garbage). `parsed.end` receives the end of the token.
 *
 * The common case (≤ 15 significant digits, |exponent| ≤ 22) is Clinger's fast path: one exact
 * multiplication or division, so the result is the correctly rounded double, the same value
 * `Number.parseFloat` and Python's `float()` give; anything else falls back to `Number` on the token.
 */
export function parseFloatBytes(bytes: Uint8Array, start: number, limit: number, stop: number): number {
  let pos = start;
  let c = pos < limit ? bytes[pos] : stop;
  let negative = false;
  if (c === 45 /* - */ || c === 43 /* + */) {
    negative = c === 45;
    c = ++pos < limit ? bytes[pos] : stop;
  }
  let mantissa = 0;
  let significant = 0;
  let exponent = 0;
  let digits = 0;
  while (c >= 48 && c <= 57) {
    if (mantissa !== 0 || c !== 48) significant++;
    mantissa = mantissa * 10 + (c - 48);
    digits++;
    c = ++pos < limit ? bytes[pos] : stop;
  }
  if (c === 46 /* . */) {
    c = ++pos < limit ? bytes[pos] : stop;
    while (c >= 48 && c <= 57) {
      if (mantissa !== 0 || c !== 48) significant++;
      mantissa = mantissa * 10 + (c - 48);
      exponent--;
      digits++;
      c = ++pos < limit ? bytes[pos] : stop;
    }
  }
  if ((c === 101 || c === 69) /* e E */ && digits > 0) {
    c = ++pos < limit ? bytes[pos] : stop;
    let expNegative = false;
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      c = ++pos < limit ? bytes[pos] : stop;
    }
    let e = 0;
    let expDigits = 0;
    while (c >= 48 && c <= 57) {
      if (e < 100_000) e = e * 10 + (c - 48);
      expDigits++;
      c = ++pos < limit ? bytes[pos] : stop;
    }
    if (expDigits === 0) digits = 0;
    exponent += expNegative ? -e : e;
  }
  if (c === stop && digits > 0 && significant <= MAX_EXACT_DIGITS && exponent >= -22 && exponent <= 22) {
    parsed.end = pos;
    const magnitude = exponent < 0 ? mantissa / POW10[-exponent] : mantissa * POW10[exponent];
    return negative ? -magnitude : magnitude;
  }
  return parseSlow(bytes, start, limit, stop);
}

function parseSlow(bytes: Uint8Array, start: number, limit: number, stop: number): number {
  let end = start;
  while (end < limit && bytes[end] !== stop) end++;
  parsed.end = end;
  const token = latin1(bytes, start, end);
  return isPythonFloat(token) ? Number(normalizeSpecial(token)) : Number.NaN;
}

/** Python's `float()` literal: decimal or scientific, `inf`, `infinity`, `nan` (any case, signed). */
const PYTHON_FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/** True when `token` is a number Python's `float()` reads (underscored digit groups aside). */
export function isPythonFloat(token: string): boolean {
  return PYTHON_FLOAT.test(token);
}

function normalizeSpecial(token: string): string {
  const lower = token.toLowerCase();
  if (lower.endsWith('inf') || lower.endsWith('infinity'))
    return lower.startsWith('-') ? '-Infinity' : 'Infinity';
  if (lower.endsWith('nan')) return 'NaN';
  return token;
}

/** Decodes bytes one char per byte; exact for ASCII. */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}
