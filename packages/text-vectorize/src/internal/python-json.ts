/**
 * Python's `json.dumps` with its defaults (`ensure_ascii=True`, `', '` and `': '` separators), for the
 * values a Keras Tokenizer config holds: so `toJSON()` is byte-identical to Keras' `to_json()`.
 */
export type PyJson = string | number | boolean | null | PyJsonPairs;

/** A Python dict as ordered pairs (Python keeps insertion order; integer keys are written as strings). */
export interface PyJsonPairs {
  pairs: Iterable<readonly [string | number, PyJson]>;
}

const SHORT_ESCAPES: Record<number, string> = {
  34: '\\"',
  92: '\\\\',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
};

/** A Python `json.dumps` string literal: everything outside printable ASCII as `\uXXXX` (UTF-16 units). */
export function pyJsonString(s: string): string {
  let out = '"';
  let plainFrom = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(plainFrom, i);
    out += SHORT_ESCAPES[c] ?? `\\u${c.toString(16).padStart(4, '0')}`;
    plainFrom = i + 1;
  }
  return `${out + s.slice(plainFrom)}"`;
}

/** Serializes a value the way Python's `json.dumps(value)` does. */
export function pyJsonDumps(value: PyJson): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return pyJsonString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pyNumber(value);
  const parts: string[] = [];
  for (const [key, v] of value.pairs) parts.push(`${pyJsonString(String(key))}: ${pyJsonDumps(v)}`);
  return `{${parts.join(', ')}}`;
}

/** Python's repr of an int or float inside JSON (`1.0` stays `1.0`; here only integers occur). */
function pyNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  return String(n);
}
