import { describe, expect, it } from 'vitest';
import { EmbeddingsFormatError, loadFastTextVec, loadGlove, loadWord2Vec } from '../src/node';
import { chunked, tempDir, tempFile } from './helpers';

const dir = tempDir();
let fileCount = 0;
const file = (content: string | Uint8Array) => tempFile(dir, `f${fileCount++}`, content);

/** Little-endian float32 bytes of `values`. */
const f32 = (...values: number[]) => Buffer.from(Float32Array.from(values).buffer);

async function formatError(promise: Promise<unknown>): Promise<EmbeddingsFormatError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!EmbeddingsFormatError.isInstance(error))
    throw new Error(`expected an EmbeddingsFormatError, got ${error}`);
  return error;
}

function collectWarnings(): { warnings: string[]; onWarning: (m: string) => void } {
  const warnings: string[] = [];
  return { warnings, onWarning: (m) => warnings.push(m) };
}

describe('text input handled like gensim', () => {
  it('strips trailing spaces and \\r\\n (gensim rstrip)', async () => {
    const kv = await loadGlove(file('a 1 2 \r\nb 3 4\t\r\nc 5 6'));
    expect(kv.words).toEqual(['a', 'b', 'c']);
    expect([...kv.vectors.data]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps the first of duplicate words and warns, as gensim does', async () => {
    const { warnings, onWarning } = collectWarnings();
    const kv = await loadGlove(file('a 1 2\na 3 4\nc 5 6\n'), { onWarning });
    expect(kv.words).toEqual(['a', 'c']);
    expect([...kv.get('a')!]).toEqual([1, 2]);
    expect(warnings).toEqual([
      'loadGlove: duplicate word "a" on line 2; ignoring all but the first, as gensim does.',
    ]);
  });

  it('skips blank lines, warning about those inside the data but not trailing ones', async () => {
    const { warnings, onWarning } = collectWarnings();
    const kv = await loadGlove(file('a 1 2\n\n  \nb 3 4\n\n\n'), { onWarning });
    expect(kv.words).toEqual(['a', 'b']);
    expect(warnings).toEqual(['loadGlove: blank lines 2, 3 skipped.']);
  });

  it('reads a word named __proto__ like any other', async () => {
    const kv = await loadGlove(file('__proto__ 1 2\nconstructor 3 4\n'));
    expect(kv.has('__proto__')).toBe(true);
    expect([...kv.get('constructor')!]).toEqual([3, 4]);
  });

  it("accepts every number Python's float() accepts", async () => {
    const kv = await loadGlove(file('a 1e-3 -.5 +2 5. 1E2 -0\nb nan inf -Infinity 0.1 1e400 1e-400\n'));
    expect([...kv.get('a')!]).toEqual([Math.fround(1e-3), -0.5, 2, 5, 100, -0]);
    expect([...kv.get('b')!]).toEqual([Number.NaN, Infinity, -Infinity, Math.fround(0.1), Infinity, 0]);
  });

  it('rejects an empty GloVe file (it gave dim 0 silently)', async () => {
    await expect(loadGlove(file(''))).rejects.toThrow(
      'loadGlove: the input must hold at least one vector line "<word> <numbers…>". Received: an empty input.',
    );
  });

  it('reads only `count` entries when the header declares fewer than the body holds, with a warning', async () => {
    const { warnings, onWarning } = collectWarnings();
    const kv = await loadWord2Vec(file('2 2\na 1 2\nb 3 4\nc 5 6\n'), { onWarning });
    expect(kv.words).toEqual(['a', 'b']);
    expect(warnings).toEqual([
      'loadWord2Vec: the header declares 2 vectors; the lines after line 3 are ignored, as gensim does.',
    ]);
  });

  it('never parses the numbers of words outside the vocabulary (so their garbage passes)', async () => {
    const kv = await loadGlove(file('a 1 2\nskipped x y z\nb 3 4\n'), { vocabulary: new Set(['b']) });
    expect(kv.words).toEqual(['b']);
    expect([kv.dim, ...kv.get('b')!]).toEqual([2, 3, 4]);
  });

  it('applies limit to file entries before the vocabulary filter, as gensim would', async () => {
    const kv = await loadGlove(file('a 1\nb 2\nc 3\n'), { limit: 2, vocabulary: ['a', 'c'] });
    expect(kv.words).toEqual(['a']);
  });

  it('counts duplicates towards the header count, as gensim does', async () => {
    const kv = await loadFastTextVec(file('3 1\na 1 \na 2 \nb 3 \nc 4 \n'), { onWarning: () => {} });
    expect(kv.words).toEqual(['a', 'b']);
  });
});

describe('malformed text input', () => {
  it('names the line of a vector with too few numbers', async () => {
    const error = await formatError(loadGlove(file('a 1 2 3\nb 1 2 3\nc 1 2\n')));
    expect(error.message).toBe('loadGlove: line 3 must hold 3 numbers after the word. Received: 2 numbers.');
    expect(error.line).toBe(3);
  });

  it('names the line of a vector with too many numbers', async () => {
    const error = await formatError(loadWord2Vec(file('2 2\na 1 2\nb 1 2 3 4\n')));
    expect(error.message).toBe(
      'loadWord2Vec: line 3 must hold 2 numbers after the word. Received: 4 numbers.',
    );
  });

  it('names the line of a word without numbers', async () => {
    const error = await formatError(loadGlove(file('a 1\nlonely\n')));
    expect(error.message).toBe('loadGlove: line 2 must hold 1 numbers after the word. Received: 0 numbers.');
  });

  it('names the line, position and token of a non-numeric component', async () => {
    const error = await formatError(loadGlove(file('a 1 2\nb 1 x2\n')));
    expect(error.message).toBe('loadGlove: line 2, number 2 must be a decimal number. Received: "x2".');
    expect([error.line, error.offset]).toEqual([2, 10]);
  });

  it('rejects a doubled space (an empty component), as gensim does', async () => {
    const error = await formatError(loadGlove(file('a 1  2\n')));
    expect(error.message).toBe('loadGlove: line 1, number 2 must be a decimal number. Received: "".');
  });

  it('fails when the body ends before the count of the header, naming where', async () => {
    const error = await formatError(loadWord2Vec(file('3 2\na 1 2\nb 3 4\n')));
    expect(error.message).toBe(
      'loadWord2Vec: the file must hold 3 vectors, as its header declares. Received: end of input after 2 vectors (line 4).',
    );
  });

  it('rejects a malformed header', async () => {
    const error = await formatError(loadWord2Vec(file('the 1 2\n')));
    expect(error.message).toBe(
      'loadWord2Vec: line 1 must be the header "<count> <dimension>" (dimension 1 to 1048576). Received: header="the 1 2".',
    );
  });

  it('rejects a header that claims 10^12 words before allocating anything (file)', async () => {
    const error = await formatError(loadWord2Vec(file('1000000000000 2\na 1 2\n')));
    expect(error.message).toBe(
      "loadWord2Vec: the header's count must fit the file (6 bytes after line 1 hold at most 1 vectors). Received: count=1000000000000.",
    );
  });

  it('keeps memory bounded on a header that claims 10^12 words (stream, size unknown)', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const error = await formatError(loadWord2Vec(chunked(Buffer.from('1000000000000 300\na 1 2\n'), 7)));
    expect(error.message).toBe(
      'loadWord2Vec: line 2 must hold 300 numbers after the word. Received: 2 numbers.',
    );
    const growth = process.memoryUsage().arrayBuffers - before;
    expect(growth).toBeLessThan(200 * 2 ** 20);
  });

  it('rejects a word longer than 1 MiB, naming its line', async () => {
    const error = await formatError(loadGlove(file(`a 1\n${'w'.repeat(2 ** 20 + 1)} 1\n`)));
    expect(error.message).toBe(
      'loadGlove: a word must be at most 1048576 bytes. Received: a longer word on line 2 (byte offset 4).',
    );
  });

  it('rejects an endless line without buffering it all (stream of 8 MiB without a space)', async () => {
    const error = await formatError(loadGlove(chunked(Buffer.alloc(8 * 2 ** 20, 120), 65536)));
    expect(error.message).toBe(
      'loadGlove: a word must be at most 1048576 bytes. Received: a longer word on line 1 (byte offset 0).',
    );
  });
});

describe('malformed binary input', () => {
  const entry = (word: string, ...values: number[]) =>
    Buffer.concat([Buffer.from(`${word} `), f32(...values)]);

  it('fails on a truncated file, naming the byte offset where the input ends', async () => {
    const bytes = Buffer.concat([Buffer.from('2 2\n'), entry('a', 1, 2), entry('b', 3, 4)]).subarray(0, -3);
    const error = await formatError(loadWord2Vec(chunked(bytes, 5), { binary: true }));
    expect(error.message).toBe(
      'loadWord2Vec: the file must hold 2 vectors, as its header declares. Received: end of input at byte offset 14 after 1 vectors.',
    );
    expect(error.offset).toBe(14);
  });

  it('rejects a header that claims 10^12 words before allocating anything', async () => {
    const error = await formatError(
      loadWord2Vec(file(Buffer.concat([Buffer.from('1000000000000 2\n'), entry('a', 1, 2)])), {
        binary: true,
      }),
    );
    expect(error.message).toBe(
      "loadWord2Vec: the header's count must fit the file (10 bytes after line 1 hold at most 1 vectors). Received: count=1000000000000.",
    );
  });

  it('rejects a word longer than 1 MiB, naming its byte offset', async () => {
    const bytes = Buffer.concat([Buffer.from('2 1\n'), entry('a', 1), entry('w'.repeat(2 ** 20 + 1), 2)]);
    const error = await formatError(loadWord2Vec(file(bytes), { binary: true }));
    expect(error.message).toBe(
      'loadWord2Vec: a word must be at most 1048576 bytes. Received: a longer word at byte offset 10.',
    );
  });

  it('strips newlines before words and keeps the first duplicate with a warning', async () => {
    const { warnings, onWarning } = collectWarnings();
    const bytes = Buffer.concat([
      Buffer.from('3 2\n'),
      entry('a', 1, 2),
      Buffer.from('\n'),
      entry('b', 3, 4),
      Buffer.from('\n'),
      entry('a', 5, 6),
    ]);
    const kv = await loadWord2Vec(file(bytes), { binary: true, onWarning });
    expect(kv.words).toEqual(['a', 'b']);
    expect([...kv.vectors.data]).toEqual([1, 2, 3, 4]);
    expect(warnings).toEqual([
      'loadWord2Vec: duplicate word "a" at byte offset 26; ignoring all but the first, as gensim does.',
    ]);
  });
});

describe('option checks', () => {
  it.each([
    [{ limit: -1 }, RangeError, 'loadGlove: limit must be a non-negative integer. Received: limit=-1.'],
    [{ dtype: 'float64' }, TypeError, 'loadGlove: dtype must be "float32". Received: dtype="float64".'],
    [
      { unicodeErrors: 'surrogateescape' },
      TypeError,
      'loadGlove: unicodeErrors must be "strict", "replace" or "ignore". Received: unicodeErrors="surrogateescape".',
    ],
    [
      { vocabulary: 'the' },
      TypeError,
      'loadGlove: vocabulary must be an iterable of words (Set, array, Map keys). Received: vocabulary=the.',
    ],
  ])('rejects %j', async (options, type, message) => {
    const promise = loadGlove(file('a 1\n'), options as never);
    await expect(promise).rejects.toThrow(type);
    await expect(promise).rejects.toThrow(message);
  });

  it('rejects a URL that is not a file: URL', async () => {
    await expect(loadGlove(new URL('ftp://example.com/glove.txt'))).rejects.toThrow(
      'loadGlove: source must be a path, a URL, a { zip, member } or a stream. Received: source=ftp://example.com/glove.txt.',
    );
  });
});
