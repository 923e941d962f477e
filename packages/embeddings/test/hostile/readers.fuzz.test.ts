// Property-based fuzzing of the embeddings readers (issue #16): GloVe text, word2vec text and word2vec
// binary. Well-formed generated files read back exactly (from a path or a chunked stream); damaged ones
// give vectors or an EmbeddingsFormatError, never another error, a crash, a hang or unbounded memory.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fuzzParams, splitBytes } from '@tensorseq/test-utils/fuzz';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddingsFormatError, type KeyedVectors, loadGlove, loadWord2Vec } from '../../src/node';

const dir = mkdtempSync(join(tmpdir(), 'tensorseq-fuzz-embeddings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Format = 'glove' | 'w2v-text' | 'w2v-binary';
const word = fc.stringMatching(/^[a-zé_'.-]{1,8}$/);
const vectors = fc.integer({ min: 1, max: 6 }).chain((dim) =>
  fc.record({
    dim: fc.constant(dim),
    words: fc.uniqueArray(word, { minLength: 1, maxLength: 12 }),
    format: fc.constantFrom<Format>('glove', 'w2v-text', 'w2v-binary'),
    seed: fc.integer(),
    splits: fc.array(fc.nat(), { maxLength: 4 }),
  }),
);

/** Deterministic float32-exact numbers with short decimal spellings. */
function values(seed: number, n: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return ((s >>> 8) % 20001) / 8 - 1250;
  });
}

function render(v: { dim: number; words: string[]; format: Format; seed: number }): Buffer {
  const data = values(v.seed, v.words.length * v.dim);
  const row = (i: number) => data.slice(i * v.dim, (i + 1) * v.dim);
  if (v.format === 'w2v-binary') {
    const parts: Buffer[] = [Buffer.from(`${v.words.length} ${v.dim}\n`)];
    v.words.forEach((w, i) => {
      const floats = Buffer.alloc(v.dim * 4);
      for (const [k, x] of row(i).entries()) floats.writeFloatLE(x, k * 4);
      parts.push(Buffer.from(`${w} `), floats, Buffer.from('\n'));
    });
    return Buffer.concat(parts);
  }
  const lines = v.words.map((w, i) => `${w} ${row(i).join(' ')}`);
  if (v.format === 'w2v-text') lines.unshift(`${v.words.length} ${v.dim}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

let n = 0;
async function load(
  format: Format,
  source: 'path' | 'stream',
  bytes: Buffer,
  splits: number[],
): Promise<KeyedVectors> {
  let input: string | Readable;
  if (source === 'path') {
    input = join(dir, `f${n++}`);
    writeFileSync(input, bytes);
  } else {
    input = Readable.from(splitBytes(bytes, splits));
  }
  if (format === 'glove') return loadGlove(input, { onWarning: () => {} });
  return loadWord2Vec(input, { binary: format === 'w2v-binary', onWarning: () => {} });
}

const rssBefore = process.memoryUsage().rss;

describe('fuzz: embeddings readers', () => {
  it('read well-formed files exactly, from a path or a chunked stream', async () => {
    await fc.assert(
      fc.asyncProperty(vectors, fc.constantFrom<'path' | 'stream'>('path', 'stream'), async (v, source) => {
        const kv = await load(v.format, source, render(v), v.splits);
        expect(kv.words).toEqual(v.words);
        expect(kv.dim).toBe(v.dim);
        expect(Array.from(kv.vectors.data)).toEqual(values(v.seed, v.words.length * v.dim));
      }),
      fuzzParams(100),
    );
  });

  it('give vectors or an EmbeddingsFormatError on damaged files', async () => {
    const damage = fc.record({
      writes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
      cut: fc.option(fc.nat(), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(
        vectors,
        damage,
        fc.constantFrom<'path' | 'stream'>('path', 'stream'),
        async (v, d, source) => {
          const bytes = Buffer.from(render(v));
          for (const [at, value] of d.writes) bytes[at % bytes.length] = value;
          const damaged = d.cut === undefined ? bytes : bytes.subarray(0, d.cut % (bytes.length + 1));
          try {
            const kv = await load(v.format, source, damaged, v.splits);
            expect(kv.vectors.data.length).toBe(kv.size * kv.dim);
          } catch (error) {
            if (!EmbeddingsFormatError.isInstance(error)) throw error;
          }
        },
      ),
      fuzzParams(150),
    );
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 2 ** 20);
  });
});
