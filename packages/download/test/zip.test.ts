import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractZip, listZipEntries, openZipEntry } from '../src/node';
import { zip } from './archive-builders';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tensorseq-zip-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

async function text(stream: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const csv = 'Date Time,T\n'.concat('01.01.2009 00:10:00,-8.02\n'.repeat(2000));

describe('openZipEntry', () => {
  it('streams a deflated and a stored member', async () => {
    const path = write(
      'a.zip',
      zip([
        { name: 'jena.csv', content: csv },
        { name: 'plain.txt', content: 'stored', deflate: false },
      ]),
    );
    expect((await listZipEntries(path)).map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['jena.csv', 8, csv.length],
      ['plain.txt', 0, 6],
    ]);
    expect(await text(await openZipEntry(path, 'jena.csv'))).toBe(csv);
    expect(await text(await openZipEntry(path, 'plain.txt'))).toBe('stored');
  });

  it('names the missing member and the ones present', async () => {
    const path = write('a.zip', zip([{ name: 'x.csv', content: 'x' }]));
    await expect(openZipEntry(path, 'y.csv')).rejects.toThrow(
      `openZipEntry: entryName must name a member of ${path} (x.csv). Received: entryName=y.csv.`,
    );
  });

  it('fails the stream on a CRC mismatch', async () => {
    const path = write('bad.zip', zip([{ name: 'x.csv', content: csv, crc: 1234 }]));
    await expect(text(await openZipEntry(path, 'x.csv'))).rejects.toThrow(
      `openZipEntry: archive must be a valid zip file. Received: a CRC-32 mismatch for x.csv in ${path}.`,
    );
  });

  it('rejects a file that is not a zip', async () => {
    const path = write('no.zip', Buffer.from('just text, no directory'));
    await expect(openZipEntry(path, 'x')).rejects.toThrow(
      `openZipEntry: archive must be a valid zip file. Received: no end-of-central-directory record in ${path}.`,
    );
  });

  it('rejects a truncated zip', async () => {
    const full = zip([{ name: 'x.csv', content: csv }]);
    const path = write('cut.zip', full.subarray(0, full.length - 10));
    await expect(openZipEntry(path, 'x.csv')).rejects.toThrow(
      /^openZipEntry: archive must be a valid zip file\./,
    );
  });
});

describe('extractZip', () => {
  it('extracts members into destDir', async () => {
    const path = write(
      'a.zip',
      zip([
        { name: 'd/x.csv', content: csv },
        { name: 'y.txt', content: 'y' },
      ]),
    );
    const dest = join(dir, 'out');
    expect(await extractZip(path, dest)).toEqual(['d/x.csv', 'y.txt']);
    expect(readFileSync(join(dest, 'd/x.csv'), 'utf8')).toBe(csv);
  });

  it.each([['a ../ member', [{ name: '../evil.txt', content: 'x' }], '../evil.txt']])(
    'rejects %s and leaves nothing behind',
    async (_name, entries, shown) => {
      const path = write('evil.zip', zip([{ name: 'ok.txt', content: 'ok' }, ...entries]));
      const dest = join(dir, 'out');
      await expect(extractZip(path, dest)).rejects.toThrow(
        `extractZip: every entry must stay inside destDir. Received: entry=${JSON.stringify(shown)}.`,
      );
      expect(existsSync(dest)).toBe(false);
      expect(readdirSync(dir)).toEqual(['evil.zip']);
    },
  );

  it.each([
    ['out', '../../etc'],
    ['inside', 'ok.txt'],
  ])('refuses a symlink pointing %s (no symlink is ever created)', async (_where, target) => {
    const path = write(
      'evil.zip',
      zip([
        { name: 'ok.txt', content: 'ok' },
        { name: 'l', content: target, symlink: true },
      ]),
    );
    await expect(extractZip(path, join(dir, 'out'))).rejects.toThrow(
      `extractZip: every entry must be a file or a folder (symbolic links are refused). Received: entry="l" -> "${target}" in ${path}. To fix this, leave it out with the filter option.`,
    );
    expect(readdirSync(dir)).toEqual(['evil.zip']);
  });

  it('caps the total extracted size from the declared sizes', async () => {
    const path = write('big.zip', zip([{ name: 'zeros.bin', content: Buffer.alloc(100_000) }]));
    await expect(extractZip(path, join(dir, 'out'), { maxBytes: 50_000 })).rejects.toThrow(
      `extractZip: the extracted files must total at most maxBytes=50000 bytes. Received: more from ${path}.`,
    );
  });

  it('removes the temp folder when a member is corrupt', async () => {
    const path = write(
      'bad.zip',
      zip([
        { name: 'a.txt', content: 'a' },
        { name: 'b.csv', content: csv, crc: 9 },
      ]),
    );
    const dest = join(dir, 'out');
    await expect(extractZip(path, dest)).rejects.toThrow(/CRC-32 mismatch for b\.csv/);
    expect(readdirSync(dir)).toEqual(['bad.zip']);
  });
});
