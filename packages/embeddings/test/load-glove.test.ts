import { createReadStream, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type LoadProgress, loadGlove } from '../src/node';
import { chunked, dataFile, firstBitDifference, naiveText, stack } from './helpers';

describe.each([
  ['glove.6B.50d.top1000.txt', 1000, 50],
  ['glove.6B.100d.top2717.txt', 2717, 100],
])('loadGlove(%s)', (name, count, dim) => {
  const path = dataFile(name);
  const oracle = naiveText(path, false);

  it('reads every line with the dimension of the first', async () => {
    const kv = await loadGlove(path);
    expect(kv.size).toBe(count);
    expect(kv.dim).toBe(dim);
    expect(kv.vectors.shape).toEqual([count, dim]);
    expect(kv.vectors.data.length).toBe(count * dim);
    expect(kv.words).toEqual(oracle.words);
  });

  it('holds the exact float32 of every component (first and last vectors, and all others)', async () => {
    const kv = await loadGlove(path);
    expect(kv.get(oracle.words[0])).toEqual(oracle.rows[0]);
    expect(kv.get(oracle.words[count - 1])).toEqual(oracle.rows[count - 1]);
    expect(firstBitDifference(kv.vectors.data, stack(oracle.rows, dim))).toBe(-1);
  });

  it('sizes the matrix from the file size: at most 5% slack in its buffer', async () => {
    const kv = await loadGlove(path);
    expect(kv.vectors.data.buffer.byteLength).toBeLessThanOrEqual(kv.vectors.data.byteLength * 1.05);
  });

  it('keeps only the vocabulary words, in file order, with the same vectors', async () => {
    const wanted = [oracle.words[count - 1], oracle.words[7], 'not-a-glove-word', oracle.words[0]];
    const kv = await loadGlove(path, { vocabulary: wanted });
    expect(kv.words).toEqual([oracle.words[0], oracle.words[7], oracle.words[count - 1]]);
    expect(kv.get(oracle.words[7])).toEqual(oracle.rows[7]);
    expect(kv.dim).toBe(dim);
  });

  it('reads only the first `limit` lines', async () => {
    const kv = await loadGlove(path, { limit: 5 });
    expect(kv.words).toEqual(oracle.words.slice(0, 5));
    expect(kv.get(oracle.words[4])).toEqual(oracle.rows[4]);
  });

  it('reads the same from a Node stream, a chunked async iterable and a file: URL', async () => {
    const fromPath = await loadGlove(path);
    const fromStream = await loadGlove(createReadStream(path, { highWaterMark: 4096 }));
    const fromChunks = await loadGlove(chunked(readFileSync(path), 777));
    const fromUrl = await loadGlove(pathToFileURL(path));
    for (const kv of [fromStream, fromChunks, fromUrl]) {
      expect(kv.words).toEqual(fromPath.words);
      expect(firstBitDifference(kv.vectors.data, fromPath.vectors.data)).toBe(-1);
    }
  });

  it('reports progress up to the file size and the word count', async () => {
    const reports: LoadProgress[] = [];
    await loadGlove(path, { onProgress: (p) => reports.push(p) });
    const last = reports[reports.length - 1];
    expect(last.bytesRead).toBe(readFileSync(path).length);
    expect(last.totalBytes).toBe(last.bytesRead);
    expect(last.words).toBe(count);
  });
});
