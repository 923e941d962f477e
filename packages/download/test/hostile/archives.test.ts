// Hostile archives from the probe of issue #16: links that escape together, hardlinks that copy files from
// outside, hardlinks to nothing or to folders, path clashes and truncated gzip trailers. Each must be a
// clear DownloadError, never a raw ENOENT/EISDIR, never a silent success, and never leave anything behind.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DownloadError, extractTarGz, extractZip, readTarGzEntries } from '../../src/node';
import { type TarSpec, tar, tarGz, zip } from '../archive-builders';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tensorseq-hostile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** Extracts and returns the DownloadError, asserting nothing but the archive is left in `dir`. */
async function failure(archive: string, run: (dest: string) => Promise<unknown>): Promise<DownloadError> {
  const before = readdirSync(dir).sort();
  const error = await run(join(dir, 'out')).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(DownloadError.isInstance(error), `expected a DownloadError, got ${String(error)}`).toBe(true);
  expect(readdirSync(dir).sort()).toEqual(before);
  expect(readdirSync(dir)).toContain(archive.split('/').pop());
  return error as DownloadError;
}

describe('hostile tar.gz: links', () => {
  it('refuses a chain of symlinks that each stay inside but escape together', async () => {
    const path = write(
      'chain.tar.gz',
      tarGz([
        { path: 'x/', type: '5' },
        { path: 'x/up', type: '2', linkName: '..' },
        { path: 'x/up2', type: '2', linkName: 'up/..' },
        { path: 'x/up2/escaped.txt', content: 'gotcha' },
      ]),
    );
    const error = await failure(path, (dest) => extractTarGz(path, dest));
    expect(error.code).toBe('unsafe-entry');
    expect(error.message).toBe(
      `extractTarGz: every entry must be a file or a folder (symbolic links are refused). Received: entry="x/up" -> ".." in ${path}. To fix this, leave it out with the filter option.`,
    );
  });

  it('cannot copy a file from outside (/etc/passwd) through a symlink + hardlink pair', async () => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'top secret');
    const path = write(
      'steal.tar.gz',
      tarGz([
        { path: 'l', type: '2', linkName: dir },
        { path: 'stolen', type: '1', linkName: 'l/secret.txt' },
      ]),
    );
    const error = await failure(path, (dest) => extractTarGz(path, dest, { filter: (p) => p !== 'l' }));
    // With the symlink filtered out, the hardlink has nothing of that name to copy: a bad archive.
    expect(error.code).toBe('bad-archive');
    expect(error.message).toBe(
      `extractTarGz: every hardlink must point to a regular file extracted before it. Received: entry="stolen" -> "l/secret.txt" (no regular file of that name earlier in the archive) in ${path}.`,
    );
  });

  it('refuses a hardlink whose target climbs out or is absolute', async () => {
    for (const target of ['../secret.txt', '/etc/passwd']) {
      const path = write('out.tar.gz', tarGz([{ path: 'h', type: '1', linkName: target }]));
      const error = await failure(path, (dest) => extractTarGz(path, dest));
      expect(error.message).toBe(
        `extractTarGz: every entry must stay inside destDir. Received: entry=${JSON.stringify(target)}.`,
      );
      rmSync(path);
    }
  });

  it.each([
    ['a missing entry', [] as TarSpec[], 'no regular file of that name earlier in the archive'],
    ['a folder', [{ path: 'target/', type: '5' }], 'a folder'],
    ['a file that comes later', [] as TarSpec[], 'no regular file of that name earlier in the archive'],
  ])('gives bad-archive for a hardlink to %s', async (name, before, why) => {
    const after: TarSpec[] = name.includes('later') ? [{ path: 'target', content: 'late' }] : [];
    const path = write(
      'h.tar.gz',
      tarGz([...before, { path: 'h', type: '1', linkName: 'target' }, ...after]),
    );
    const error = await failure(path, (dest) => extractTarGz(path, dest));
    expect(error.code).toBe('bad-archive');
    expect(error.message).toBe(
      `extractTarGz: every hardlink must point to a regular file extracted before it. Received: entry="h" -> "target" (${why}) in ${path}.`,
    );
  });

  it('says how to fix a hardlink to an entry the filter left out', async () => {
    const path = write(
      'f.tar.gz',
      tarGz([
        { path: 'a.txt', content: 'a' },
        { path: 'b.txt', type: '1', linkName: 'a.txt' },
      ]),
    );
    const error = await failure(path, (dest) => extractTarGz(path, dest, { filter: (p) => p === 'b.txt' }));
    expect(error.code).toBe('bad-argument');
    expect(error.message).toMatch(/\(left out by filter\) .* To fix this, let filter keep "a\.txt" too\.$/);
  });

  it('counts hardlink copies against maxBytes (a hardlink bomb)', async () => {
    const links = Array.from({ length: 50 }, (_, i) => ({ path: `h${i}`, type: '1', linkName: 'big' }));
    const path = write('bomb.tar.gz', tarGz([{ path: 'big', content: Buffer.alloc(10_000) }, ...links]));
    const error = await failure(path, (dest) => extractTarGz(path, dest, { maxBytes: 100_000 }));
    expect(error.code).toBe('too-large');
  });

  it('keeps a hardlink copy independent of its target (copies, not links)', async () => {
    const path = write(
      'copy.tar.gz',
      tarGz([
        { path: 'a', content: 'first' },
        { path: 'b', type: '1', linkName: 'a' },
        { path: 'a', content: 'second' },
      ]),
    );
    const dest = join(dir, 'out');
    await extractTarGz(path, dest);
    expect(readFileSync(join(dest, 'a'), 'utf8')).toBe('second');
    expect(readFileSync(join(dest, 'b'), 'utf8')).toBe('first');
  });
});

describe('hostile tar.gz: clashes and truncation', () => {
  it.each([
    [
      'a folder over a file',
      [
        { path: 'a', content: 'x' },
        { path: 'a/', type: '5' },
      ],
      '"a", a folder where the archive already put a file',
    ],
    [
      'a file over a folder',
      [
        { path: 'a/', type: '5' },
        { path: 'a', content: 'x' },
      ],
      '"a", a file where the archive already put a folder',
    ],
    [
      'a file below a file',
      [
        { path: 'a', content: 'x' },
        { path: 'a/b', content: 'y' },
      ],
      '"a/b", below the file "a"',
    ],
  ])('gives bad-archive for %s, not a raw EISDIR/ENOTDIR', async (_name, entries, what) => {
    const path = write('clash.tar.gz', tarGz(entries as TarSpec[]));
    const error = await failure(path, (dest) => extractTarGz(path, dest));
    expect(error.code).toBe('bad-archive');
    expect(error.message).toBe(
      `extractTarGz: every entry must fit the tree the earlier entries made. Received: entry=${what}, in ${path}.`,
    );
  });

  const whole = tarGz([{ path: 'a.txt', content: 'a'.repeat(3000) }]);
  it.each([
    ['its last trailer byte cut', whole.subarray(0, whole.length - 1)],
    ['its whole 8-byte trailer cut', whole.subarray(0, whole.length - 8)],
    [
      'a wrong CRC in its trailer',
      Buffer.concat([
        whole.subarray(0, whole.length - 8),
        Buffer.from([1, 2, 3, 4]),
        whole.subarray(whole.length - 4),
      ]),
    ],
  ])('rejects an archive with %s (no silent success)', async (_name, bytes) => {
    const path = write('cut.tar.gz', bytes);
    const error = await failure(path, (dest) => extractTarGz(path, dest));
    expect(error.code).toBe('bad-archive');
    expect(error.message).toMatch(
      /^extractTarGz: archive must be a valid gzip stream\. Received: .* in .*cut\.tar\.gz\.$/,
    );
    await expect(readTarGzEntries(path, () => {})).rejects.toMatchObject({ code: 'bad-archive' });
  });

  it('still accepts a tar without the closing zero blocks, and trailing padding', async () => {
    const raw = tar([{ path: 'a.txt', content: 'a' }]);
    for (const bytes of [raw.subarray(0, raw.length - 1024), Buffer.concat([raw, Buffer.alloc(8192)])]) {
      const path = write('ok.tar.gz', gzipSync(bytes));
      const dest = join(dir, 'out');
      expect(await extractTarGz(path, dest)).toEqual(['a.txt']);
      rmSync(dest, { recursive: true });
    }
  });
});

describe('hostile zip', () => {
  it('refuses every symlink member and writes nothing', async () => {
    const path = write(
      'chain.zip',
      zip([
        { name: 'x/up', content: '..', symlink: true },
        { name: 'x/up2', content: 'up/..', symlink: true },
        { name: 'x/up2/escaped.txt', content: 'gotcha' },
      ]),
    );
    const error = await failure(path, (dest) => extractZip(path, dest));
    expect(error.code).toBe('unsafe-entry');
  });

  it('gives bad-archive for a member below a file member', async () => {
    const path = write(
      'clash.zip',
      zip([
        { name: 'a', content: 'x' },
        { name: 'a/b', content: 'y' },
      ]),
    );
    const error = await failure(path, (dest) => extractZip(path, dest));
    expect(error.message).toBe(
      `extractZip: every entry must fit the tree the earlier entries made. Received: entry="a/b", below the file "a", in ${path}.`,
    );
  });

  it('leaves an existing empty destDir in place when extraction fails', async () => {
    const path = write(
      'bad.zip',
      zip([
        { name: 'a', content: 'x' },
        { name: 'a/b', content: 'y' },
      ]),
    );
    mkdirSync(join(dir, 'out'));
    await expect(extractZip(path, join(dir, 'out'))).rejects.toMatchObject({ code: 'bad-archive' });
    expect(readdirSync(dir).sort()).toEqual(['bad.zip', 'out']);
  });
});
