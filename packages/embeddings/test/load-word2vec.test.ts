import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadWord2Vec, saveVectors } from '../src/node';
import {
  chunked,
  dataFile,
  firstBitDifference,
  naiveBinary,
  naiveText,
  readData,
  stack,
  tempDir,
} from './helpers';

describe('loadWord2Vec (text)', () => {
  const path = dataFile('gensim_word2vec_pre_kv_c.txt');
  const oracle = naiveText(path, true);
  const [count, dim] = readData(path).toString('latin1').split('\n')[0].split(' ').map(Number);

  it('reads the count and dimension of the header and every vector exactly', async () => {
    const kv = await loadWord2Vec(path);
    expect([kv.size, kv.dim]).toEqual([count, dim]);
    expect(kv.words).toEqual(oracle.words);
    expect(kv.get(oracle.words[0])).toEqual(oracle.rows[0]);
    expect(kv.get(oracle.words[count - 1])).toEqual(oracle.rows[count - 1]);
    expect(firstBitDifference(kv.vectors.data, stack(oracle.rows, dim))).toBe(-1);
  });

  it('reads only the first `limit` entries', async () => {
    const kv = await loadWord2Vec(path, { limit: 3 });
    expect(kv.words).toEqual(oracle.words.slice(0, 3));
  });
});

describe.each([
  ['gensim_euclidean_vectors.bin', false],
  ['turbomaze_wordvecs1000.converted.w2v.bin', true],
])('loadWord2Vec(%s, { binary: true })', (name, lineBreaks) => {
  const path = dataFile(name);
  const oracle = naiveBinary(path);
  const dir = tempDir();

  it('reads the count, dimension, words (leading newlines stripped) and exact vectors', async () => {
    const kv = await loadWord2Vec(path, { binary: true });
    expect([kv.size, kv.dim]).toEqual([oracle.count, oracle.dim]);
    expect(kv.words).toEqual(oracle.words);
    expect(kv.words.some((w) => w.includes('\n'))).toBe(false);
    expect(kv.get(oracle.words[0])).toEqual(oracle.rows[0]);
    expect(kv.get(oracle.words[oracle.count - 1])).toEqual(oracle.rows[oracle.count - 1]);
    expect(firstBitDifference(kv.vectors.data, stack(oracle.rows, oracle.dim))).toBe(-1);
  });

  it('reads the same from a stream cut into odd chunks', async () => {
    const kv = await loadWord2Vec(chunked(readFileSync(path), 333), { binary: true });
    expect(kv.words).toEqual(oracle.words);
    expect(firstBitDifference(kv.vectors.data, stack(oracle.rows, oracle.dim))).toBe(-1);
  });

  it('keeps only the vocabulary words', async () => {
    const kv = await loadWord2Vec(path, { binary: true, vocabulary: new Set([oracle.words[5], 'zzz-none']) });
    expect(kv.words).toEqual([oracle.words[5]]);
    expect(kv.get(oracle.words[5])).toEqual(oracle.rows[5]);
  });

  it(`saves back the original bytes (lineBreaks: ${lineBreaks})`, async () => {
    const kv = await loadWord2Vec(path, { binary: true });
    const out = `${dir}/copy.bin`;
    await saveVectors(kv, out, { binary: true, lineBreaks });
    expect(Buffer.compare(readFileSync(out), readFileSync(path))).toBe(0);
  });

  it('round-trips through the text format bit for bit, and the second save is byte-identical', async () => {
    const kv = await loadWord2Vec(path, { binary: true });
    await saveVectors(kv, `${dir}/a.txt`);
    const back = await loadWord2Vec(`${dir}/a.txt`);
    expect(back.words).toEqual(kv.words);
    expect(firstBitDifference(back.vectors.data, kv.vectors.data)).toBe(-1);
    await saveVectors(back, `${dir}/b.txt`);
    expect(Buffer.compare(readFileSync(`${dir}/b.txt`), readFileSync(`${dir}/a.txt`))).toBe(0);
  });

  it('round-trips through the binary format byte for byte', async () => {
    const kv = await loadWord2Vec(path, { binary: true });
    await saveVectors(kv, `${dir}/a.bin`, { binary: true });
    const back = await loadWord2Vec(`${dir}/a.bin`, { binary: true });
    expect(back.words).toEqual(kv.words);
    expect(firstBitDifference(back.vectors.data, kv.vectors.data)).toBe(-1);
    await saveVectors(back, `${dir}/b.bin`, { binary: true });
    expect(Buffer.compare(readFileSync(`${dir}/b.bin`), readFileSync(`${dir}/a.bin`))).toBe(0);
  });
});
