import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOVE_6B_SHA256, loadGlove, loadWord2Vec } from '../src/node';
import { dataFile, firstBitDifference, readData, tempDir, tempFile, zipArchive } from './helpers';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('vector sources', () => {
  const name = 'glove.6B.50d.top1000.txt';
  const bytes = readData(dataFile(name));
  const dir = tempDir();
  const zip = tempFile(
    dir,
    'glove.6B.zip',
    zipArchive([
      { name: 'glove.6B.50d.txt', content: bytes },
      { name: 'other.bin', content: readData(dataFile('gensim_euclidean_vectors.bin')) },
    ]),
  );
  let server: ReturnType<typeof createServer>;
  let base = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === `/${name}`) response.end(bytes);
      else response.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const expectSameAsFile = async (load: Promise<Awaited<ReturnType<typeof loadGlove>>>) => {
    const reference = await loadGlove(dataFile(name));
    const kv = await load;
    expect(kv.words).toEqual(reference.words);
    expect(firstBitDifference(kv.vectors.data, reference.vectors.data)).toBe(-1);
  };

  it('reads a member of a zip archive without extracting it', async () => {
    await expectSameAsFile(loadGlove({ zip, member: 'glove.6B.50d.txt' }));
    const binary = await loadWord2Vec({ zip, member: 'other.bin' }, { binary: true });
    expect(binary.size).toBe(
      (await loadWord2Vec(dataFile('gensim_euclidean_vectors.bin'), { binary: true })).size,
    );
  });

  it('downloads an http(s) URL into the cache once, then reads the cached file', async () => {
    const cacheDir = `${dir}/cache`;
    await expectSameAsFile(loadGlove(`${base}/${name}`, { download: { cacheDir } }));
    expect(readFileSync(`${cacheDir}/${name}`).equals(bytes)).toBe(true);
    await expectSameAsFile(loadGlove(new URL(`${base}/${name}`), { download: { cacheDir } }));
  });

  it('finds glove.6B.zip (or the extracted .txt) in $TENSORSEQ_DATA for loadGlove({ dims })', async () => {
    const saved = process.env.TENSORSEQ_DATA;
    try {
      process.env.TENSORSEQ_DATA = dir;
      const warnings: string[] = [];
      await expectSameAsFile(loadGlove({ dims: 50 }, { onWarning: (m) => warnings.push(m) }));
      // The official archive's sha256 is pinned: a local glove.6B.zip with other bytes is flagged.
      expect(warnings).toEqual([
        `resolveDataFile: ${zip} has sha256=${sha256(readFileSync(zip))}, not the official ${GLOVE_6B_SHA256}; using it anyway.`,
      ]);
      expect(GLOVE_6B_SHA256).toBe('617afb2fe6cbd085c235baf7a465b96f4112bd7f7ccb2b2cbd649fed9cbcf2fb');
      const txtOnly = tempDir();
      tempFile(txtOnly, 'glove.6B.50d.txt', bytes);
      process.env.TENSORSEQ_DATA = txtOnly;
      await expectSameAsFile(loadGlove({ dims: 50 }));
    } finally {
      if (saved === undefined) delete process.env.TENSORSEQ_DATA;
      else process.env.TENSORSEQ_DATA = saved;
    }
  });

  it('rejects a GloVe release that does not exist', async () => {
    await expect(loadGlove({ dims: 64 as 50 })).rejects.toThrow(
      'loadGlove: dims must be 50, 100, 200 or 300. Received: dims=64.',
    );
  });
});
