// The main entry reads vectors from bytes, Blob, Response, ReadableStream and zip members of those, with
// no file system (the fixtures are read here only to have their bytes).
import { describe, expect, it } from 'vitest';
import { EmbeddingsFormatError, type KeyedVectors, loadGlove, loadWord2Vec } from '../src/index';
import { dataFile, naiveText, readData, stack, zipArchive } from './helpers';

const path = dataFile('glove.6B.50d.top1000.txt');
const bytes = new Uint8Array(readData(path));
const oracle = naiveText(path, false);

function stream(data: Uint8Array, size = 4096): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= data.length) controller.close();
      else controller.enqueue(data.slice(at, at + size));
      at += size;
    },
  });
}

async function expectOracle(kv: Promise<KeyedVectors>): Promise<void> {
  const loaded = await kv;
  expect(loaded.words).toEqual(oracle.words);
  expect(loaded.vectors.data).toEqual(stack(oracle.rows, 50));
}

describe('loadGlove (universal sources)', () => {
  it('reads a Uint8Array, an ArrayBuffer, a Blob, a Response and a ReadableStream alike', async () => {
    await expectOracle(loadGlove(bytes));
    await expectOracle(loadGlove(bytes.slice().buffer));
    await expectOracle(loadGlove(new Blob([bytes])));
    await expectOracle(loadGlove(new Response(stream(bytes))));
    await expectOracle(loadGlove(stream(bytes, 333)));
  });

  it('reads a member of a zip given as a Blob or a Response', async () => {
    const zip = new Uint8Array(zipArchive([{ name: 'glove.txt', content: bytes }]));
    await expectOracle(loadGlove({ zip: new Blob([zip]), member: 'glove.txt' }));
    await expectOracle(loadGlove({ zip: new Response(zip), member: 'glove.txt' }));
  });

  it('still names the line of malformed input', async () => {
    const bad = new TextEncoder().encode('a 1 2\nb 1 x\n');
    const promise = loadGlove(new Response(bad));
    await expect(promise).rejects.toThrow(EmbeddingsFormatError);
    await expect(promise).rejects.toThrow(/line 2/);
  });

  it('sends { dims } and file paths to the ./node entry', async () => {
    await expect(loadGlove({ dims: 50 } as never)).rejects.toThrow(/@tensorseq\/embeddings\/node/);
    await expect(loadGlove('glove.6B.50d.txt')).rejects.toThrow(/\/node/);
  });
});

describe('KeyedVectors.encode', () => {
  it('round-trips text and binary through bytes, with no file', async () => {
    const kv = await loadGlove(bytes, { limit: 200 });
    const text = new Blob([...kv.encode()]);
    const binary = new Blob([...kv.encode({ binary: true })]);
    for (const [blob, binaryFormat] of [
      [text, false],
      [binary, true],
    ] as const) {
      const back = await loadWord2Vec(blob, { binary: binaryFormat });
      expect(back.words).toEqual(kv.words);
      expect(back.vectors.data).toEqual(kv.vectors.data);
    }
  });
});
