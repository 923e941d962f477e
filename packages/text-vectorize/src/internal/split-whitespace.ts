/** Python's `str.split()` without arguments: runs of whitespace separate words, no empty words. */
export function pySplit(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}
