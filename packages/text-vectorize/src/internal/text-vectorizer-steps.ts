/**
 * The string steps of Keras' TextVectorization, as TensorFlow runs them: ASCII-only lower-casing
 * (`tf.strings.lower` without an encoding), punctuation stripping with Keras' DEFAULT_STRIP_REGEX,
 * splitting on ASCII whitespace or into code points, and width-major n-grams (`tf.strings.ngrams`).
 */

// Keras' DEFAULT_STRIP_REGEX: r'[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']' (note the apostrophe).
const STRIPPED = new Set('!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\''.split('').map((c) => c.charCodeAt(0)));
const ASCII_SPACE = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

/** `tf.strings.lower(s)`: A–Z only; other scripts are left as they are. */
export function lowerAscii(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** `tf.strings.regex_replace(s, DEFAULT_STRIP_REGEX, '')`. */
export function stripPunctuation(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (STRIPPED.has(s.charCodeAt(i))) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** `tf.strings.split(s)`: runs of ASCII whitespace separate tokens; no empty tokens. */
export function splitWhitespace(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const space = i === s.length || ASCII_SPACE.has(s.charCodeAt(i));
    if (space && start >= 0) {
      out.push(s.slice(start, i));
      start = -1;
    } else if (!space && start < 0) {
      start = i;
    }
  }
  return out;
}

/** `tf.strings.unicode_split(s, 'UTF-8')`: one token per code point. */
export function splitCharacters(s: string): string[] {
  return Array.from(s);
}

/** `tf.strings.ngrams(tokens, widths, separator=' ')`: every n-gram of each width, width by width. */
export function ngramsOfWidths(tokens: readonly string[], widths: readonly number[]): string[] {
  const out: string[] = [];
  for (const width of widths) {
    if (width === 1) {
      out.push(...tokens);
      continue;
    }
    for (let i = 0; i + width <= tokens.length; i++) out.push(tokens.slice(i, i + width).join(' '));
  }
  return out;
}
