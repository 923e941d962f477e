// The main entry reads archives from bytes, Blob, Response and ReadableStream, with no file system: the
// same limits and checks as the `./node` entry (sizes, CRC-32, truncation, corrupt compressed data).
import { describe, expect, it } from 'vitest';
import { DownloadError, listZipEntries, openZipEntry, readBytes, readTarGzEntries } from '../src/index';
import { tarGz, zip } from './archive-builders';

const u8 = (b: Buffer) => new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
const decoder = new TextDecoder();
const big = 'x'.repeat(200_000);
const archive = u8(
  tarGz([
    { path: 'data/a.txt', content: 'hello' },
    { path: 'data/big.txt', content: big },
  ]),
);

/** A ReadableStream that hands out `bytes` in chunks of `size` (a network body). */
function chunked(bytes: Uint8Array, size = 1000): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

async function tarTexts(source: Parameters<typeof readTarGzEntries>[0]): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  await readTarGzEntries(source, (entry, content) => {
    expect(content).toBeInstanceOf(Uint8Array);
    texts[entry.path] = decoder.decode(content);
  });
  return texts;
}

async function drain(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return decoder.decode(await readBytes(new Blob(parts)));
}

describe('readTarGzEntries (universal sources)', () => {
  const sources = {
    Uint8Array: () => archive,
    ArrayBuffer: () => archive.buffer as ArrayBuffer,
    Blob: () => new Blob([archive]),
    Response: () => new Response(chunked(archive)),
    ReadableStream: () => chunked(archive, 7),
  };
  for (const [kind, make] of Object.entries(sources)) {
    it(`reads a .tar.gz from a ${kind}`, async () => {
      expect(await tarTexts(make())).toEqual({ 'data/a.txt': 'hello', 'data/big.txt': big });
    });
  }

  it('refuses an entry above maxEntryBytes before buffering it', async () => {
    const read = readTarGzEntries(new Response(chunked(archive)), () => {}, { maxEntryBytes: 1000 });
    await expect(read).rejects.toMatchObject({ code: 'too-large' });
  });

  it('rejects corrupt and truncated gzip data as bad-archive', async () => {
    const corrupt = archive.slice();
    corrupt[40] ^= 0xff;
    await expect(tarTexts(corrupt)).rejects.toMatchObject({ code: 'bad-archive' });
    await expect(tarTexts(archive.slice(0, archive.length - 30))).rejects.toMatchObject({
      code: 'bad-archive',
    });
  });

  it('passes an error of the source itself through', async () => {
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(archive.slice(0, 100));
        controller.error(new Error('connection reset'));
      },
    });
    await expect(tarTexts(failing)).rejects.toThrow('connection reset');
  });

  it('refuses a file path in the main entry and names the ./node entry', async () => {
    const read = readTarGzEntries('aclImdb_v1.tar.gz', () => {});
    await expect(read).rejects.toThrow(/@tensorseq\/download\/node/);
    await expect(read).rejects.toSatisfy((e) => DownloadError.isInstance(e) && e.code === 'bad-argument');
  });
});

describe('listZipEntries and openZipEntry (universal sources)', () => {
  const csv = 'Date Time,T\n'.concat('01.01.2009 00:10:00,-8.02\n'.repeat(5000));
  const bytes = u8(
    zip([
      { name: 'jena.csv', content: csv },
      { name: 'plain.txt', content: 'stored', deflate: false },
    ]),
  );

  it('lists and streams members of a Blob, bytes and a Response', async () => {
    for (const source of [new Blob([bytes]), bytes, new Response(chunked(bytes))]) {
      const names = (await listZipEntries(source)).map((e) => [e.name, e.method, e.uncompressedSize]);
      expect(names).toEqual([
        ['jena.csv', 8, csv.length],
        ['plain.txt', 0, 6],
      ]);
    }
    expect(await drain(await openZipEntry(new Blob([bytes]), 'jena.csv'))).toBe(csv);
    expect(await drain(await openZipEntry(new Response(bytes), 'plain.txt'))).toBe('stored');
  });

  it('fails a member whose CRC-32 differs', async () => {
    const bad = u8(zip([{ name: 'a.txt', content: 'hello world', crc: 1234 }]));
    await expect(drain(await openZipEntry(bad, 'a.txt'))).rejects.toThrow(/CRC-32 mismatch/);
  });

  it('stops a member that inflates past its declared size (a zip bomb)', async () => {
    const bomb = u8(zip([{ name: 'bomb.txt', content: '0'.repeat(1_000_000) }]));
    const view = new DataView(bomb.buffer);
    const cd = view.getUint32(bomb.length - 6, true);
    view.setUint32(cd + 24, 1000, true); // the central directory now claims 1000 bytes
    await expect(drain(await openZipEntry(bomb, 'bomb.txt'))).rejects.toThrow(
      /more than the declared 1000 bytes/,
    );
  });

  it('names the members when the entry is missing, and refuses sources over maxBytes', async () => {
    await expect(openZipEntry(bytes, 'nope.csv')).rejects.toThrow(/jena.csv, plain.txt/);
    await expect(listZipEntries(new Response(bytes), { maxBytes: 100 })).rejects.toMatchObject({
      code: 'too-large',
    });
  });
});

describe('readBytes', () => {
  it('refuses a Response over maxBytes from its Content-Length or while streaming', async () => {
    const declared = new Response('x'.repeat(50), { headers: { 'content-length': '50' } });
    await expect(readBytes(declared, { maxBytes: 10 })).rejects.toMatchObject({ code: 'too-large' });
    await expect(readBytes(chunked(new Uint8Array(5000), 100), { maxBytes: 1000 })).rejects.toMatchObject({
      code: 'too-large',
    });
    expect(await readBytes(chunked(new Uint8Array(5000), 100))).toHaveLength(5000);
  });

  it('refuses chunks that are not bytes', async () => {
    async function* text() {
      yield 'abc' as unknown as Uint8Array;
    }
    await expect(readBytes(text())).rejects.toThrow(/chunks must be bytes/);
  });
});
