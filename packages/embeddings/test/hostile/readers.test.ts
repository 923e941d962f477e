// Wrong answers and raw errors in the embeddings readers (issue #16): an empty GloVe input gave dim 0
// silently, and an untrusted stream header such as `65536 1048576` made a 256 GiB allocation attempt.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EmbeddingsFormatError, loadGlove, loadWord2Vec } from '../../src/node';

const stream = (...chunks: (string | Buffer)[]) => Readable.from(chunks.map((c) => Buffer.from(c)));

describe('hostile embeddings input', () => {
  it.each([
    ['an empty input', [''], 'an empty input'],
    ['blank lines only', ['\n\n'], '2 blank line(s)'],
  ])('rejects a GloVe stream with %s instead of returning dim 0', async (_name, chunks, received) => {
    const error = await loadGlove(stream(...chunks)).catch((e) => e);
    expect(EmbeddingsFormatError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      `loadGlove: the input must hold at least one vector line "<word> <numbers…>". Received: ${received}.`,
    );
  });

  it('still reads a GloVe stream with limit 0 as nothing', async () => {
    expect((await loadGlove(stream(''), { limit: 0 })).size).toBe(0);
  });

  it.each([true, false])(
    'never lets a stream header decide a huge allocation (binary: %s): a clear error, bounded memory',
    async (binary) => {
      const before = process.memoryUsage().rss;
      const error = await loadWord2Vec(stream('65536 1048576\n'), { binary }).catch((e) => e);
      expect(EmbeddingsFormatError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(
        /^loadWord2Vec: the file must hold 65536 vectors, as its header declares\. Received: end of input /,
      );
      expect(process.memoryUsage().rss - before).toBeLessThan(256 * 2 ** 20);
    },
  );

  it('reads a real stream whose header is large but whose rows are few, growing as rows arrive', async () => {
    const dim = 1 << 20;
    const row = Buffer.alloc(2 + dim * 4);
    row.write('a ', 0, 'latin1');
    row.writeFloatLE(1.5, 2);
    const kv = await loadWord2Vec(stream(`1 ${dim}\n`, row), { binary: true });
    expect([kv.size, kv.dim, kv.get('a')?.[0]]).toEqual([1, dim, 1.5]);
  });
});
