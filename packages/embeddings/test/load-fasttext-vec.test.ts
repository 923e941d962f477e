import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EmbeddingsFormatError, loadFastTextVec } from '../src/node';
import { dataFile, firstBitDifference, readData, stack } from './helpers';

/** The file's lines as raw bytes, header dropped: the independent view of what each word's bytes are. */
function rawEntries(path: string): { wordBytes: Buffer; numbers: Float32Array; line: number }[] {
  const bytes = readData(path);
  const entries: { wordBytes: Buffer; numbers: Float32Array; line: number }[] = [];
  let start = bytes.indexOf(10) + 1;
  let line = 2;
  while (start < bytes.length) {
    const end = bytes.indexOf(10, start);
    const text = bytes.subarray(start, end).toString('latin1').trimEnd();
    const space = text.indexOf(' ');
    entries.push({
      wordBytes: bytes.subarray(start, start + space),
      numbers: Float32Array.from(
        text
          .slice(space + 1)
          .split(' ')
          .map(Number),
      ),
      line,
    });
    start = end + 1;
    line++;
  }
  return entries;
}

const isUtf8 = (b: Buffer) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

describe('loadFastTextVec', () => {
  const path = dataFile('gensim_pang_lee_polarity_fasttext.vec');
  const entries = rawEntries(path);
  const latin1Entries = entries.filter((e) => !isUtf8(e.wordBytes));

  it('finds the five Latin-1 tokens of the test file', () => {
    expect(latin1Entries).toHaveLength(5);
  });

  it('fails on the first token that is not UTF-8 by default (strict), naming its line', async () => {
    const first = latin1Entries[0];
    const error = await loadFastTextVec(path).catch((e: unknown) => e);
    expect(EmbeddingsFormatError.isInstance(error)).toBe(true);
    expect((error as EmbeddingsFormatError).line).toBe(first.line);
    expect((error as Error).message).toBe(
      `loadFastTextVec: the word on line ${first.line} must be valid UTF-8 (or pass unicodeErrors: 'replace' | 'ignore'). Received: bytes ${first.wordBytes.toString('hex')}.`,
    );
  });

  it.each([
    ['replace', '\ufffd'],
    ['ignore', ''],
  ] as const)('reads every vector with unicodeErrors: %s', async (unicodeErrors, replacement) => {
    const kv = await loadFastTextVec(path, { unicodeErrors });
    const [count, dim] = readFileSync(path, 'latin1').split('\n')[0].split(' ').map(Number);
    expect([kv.size, kv.dim]).toEqual([count, dim]);
    const expectedWords = entries.map((e) =>
      isUtf8(e.wordBytes)
        ? e.wordBytes.toString('utf8')
        : [...e.wordBytes].map((b) => (b < 0x80 ? String.fromCharCode(b) : replacement)).join(''),
    );
    expect(kv.words).toEqual(expectedWords);
    expect(
      firstBitDifference(
        kv.vectors.data,
        stack(
          entries.map((e) => e.numbers),
          dim,
        ),
      ),
    ).toBe(-1);
  });
});
