/** Exact powers of ten as doubles (10^0 … 10^22 are exactly representable). */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Result slot of {@link parseFloatBytes}: where the number ended (avoids allocating a tuple per call). */
export const parsed = { end: 0 };

/**
 * Parses the decimal number in `bytes[start..]` that ends at the first byte equal to `stop` or at
 * `limit`, whichever comes first, and returns it (NaN when the token is not a number; check with
 * {@link isPythonFloat} to tell a real `nan` from garbage). `parsed.end` receives the end of the token.
 * The byte at `limit`, when there is one, must not continue a number (readers pass line ends, which
 * are whitespace): the digit loops run without a bounds test.
 *
 * The common case (a mantissa below 2^53, so accumulated exactly, and |exponent| ≤ 22) is Clinger's
 * fast path: one exact multiplication or division, so the result is the correctly rounded double, the
 * same value `Number.parseFloat` and Python's `float()` give; anything else falls back to `Number`.
 */
export function parseFloatBytes(bytes: Uint8Array, start: number, limit: number, stop: number): number {
  let pos = start;
  let c = bytes[pos];
  let negative = false;
  if (c === 45 /* - */ || c === 43 /* + */) {
    negative = c === 45;
    c = bytes[++pos];
  }
  let mantissa = 0;
  const integerStart = pos;
  while (c >= 48 && c <= 57) {
    mantissa = mantissa * 10 + (c - 48);
    c = bytes[++pos];
  }
  let digits = pos - integerStart;
  let exponent = 0;
  if (c === 46 /* . */) {
    const fractionStart = ++pos;
    c = bytes[pos];
    while (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      c = bytes[++pos];
    }
    exponent = fractionStart - pos;
    digits += pos - fractionStart;
  }
  if ((c === 101 || c === 69) /* e E */ && digits > 0) {
    c = bytes[++pos];
    let expNegative = false;
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      c = bytes[++pos];
    }
    const expStart = pos;
    let e = 0;
    while (c >= 48 && c <= 57) {
      if (e < 100_000) e = e * 10 + (c - 48);
      c = bytes[++pos];
    }
    if (pos === expStart) digits = 0;
    exponent += expNegative ? -e : e;
  }
  const ended = pos === limit || (pos < limit && c === stop);
  if (ended && digits > 0 && mantissa <= Number.MAX_SAFE_INTEGER && exponent >= -22 && exponent <= 22) {
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
  let text = '';
  // In slices: `fromCharCode.apply` takes its arguments on the stack.
  for (let at = start; at < end; at += LATIN1_SLICE) {
    const slice = bytes.subarray(at, Math.min(end, at + LATIN1_SLICE));
    text += String.fromCharCode.apply(null, slice as unknown as number[]);
  }
  return text;
}

const LATIN1_SLICE = 8192;
