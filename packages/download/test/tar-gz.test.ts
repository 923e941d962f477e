import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractTarGz, readTarGzEntries, type TarEntry } from '../src/node';
import { tar, tarGz } from './archive-builders';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tensorseq-tar-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

const good = () =>
  write(
    'good.tar.gz',
    tarGz([
      { path: 'root/', type: '5' },
      { path: 'root/a.txt', content: 'alpha' },
      { path: './root/sub/b.txt', content: 'b'.repeat(1500) },
      { path: 'root/link', type: '1', linkName: 'root/sub/b.txt' },
    ]),
  );

describe('readTarGzEntries', () => {
  it('yields every entry in order with file contents', async () => {
    const seen: [string, string, string][] = [];
    await readTarGzEntries(good(), (entry, content) => {
      seen.push([entry.path, entry.type, content.toString()]);
    });
    expect(seen).toEqual([
      ['root/', 'directory', ''],
      ['root/a.txt', 'file', 'alpha'],
      ['./root/sub/b.txt', 'file', 'b'.repeat(1500)],
      ['root/link', 'hardlink', ''],
    ]);
  });

  it('skips entries the filter rejects', async () => {
    const seen: string[] = [];
    await readTarGzEntries(good(), (entry) => void seen.push(entry.path), {
      filter: (e: TarEntry) => e.type === 'file',
    });
    expect(seen).toEqual(['root/a.txt', './root/sub/b.txt']);
  });

  it('reads GNU tar output, long names included', async () => {
    const src = join(dir, 'src');
    const long = 'n'.repeat(120);
    mkdirSync(join(src, 'deep'), { recursive: true });
    writeFileSync(join(src, 'deep', `${long}.txt`), 'long name');
    writeFileSync(join(src, 'small.txt'), 'small');
    const archive = join(dir, 'gnu.tar.gz');
    try {
      execFileSync('tar', ['-czf', archive, '-C', src, '.']);
    } catch {
      return; // no tar binary: the hand-built archives above still cover the parser
    }
    const files = new Map<string, string>();
    await readTarGzEntries(archive, (entry, content) => {
      if (entry.type === 'file') files.set(entry.path, content.toString());
    });
    expect(files.get(`./deep/${long}.txt`)).toBe('long name');
    expect(files.get('./small.txt')).toBe('small');
  });

  it('rejects a truncated archive naming it', async () => {
    const full = tarGz([{ path: 'a.txt', content: 'a'.repeat(5000) }]);
    const path = write('cut.tar.gz', full.subarray(0, full.length - 30));
    await expect(readTarGzEntries(path, () => {})).rejects.toThrow(
      `readTarGzEntries: archive must be a valid gzip stream. Received: unexpected end of file in ${path}.`,
    );
  });

  it('rejects a corrupt header checksum', async () => {
    const raw = tar([{ path: 'a.txt', content: 'abc' }]);
    raw[0] = 'b'.charCodeAt(0);
    const { gzipSync } = await import('node:zlib');
    const path = write('bad.tar.gz', gzipSync(raw));
    await expect(readTarGzEntries(path, () => {})).rejects.toThrow(
      `readTarGzEntries: every tar header must have a valid checksum. Received: a corrupt header at byte 0 of ${path}.`,
    );
  });

  it('bounds the size of one buffered entry', async () => {
    const path = write('big.tar.gz', tarGz([{ path: 'big.bin', content: Buffer.alloc(4096) }]));
    await expect(readTarGzEntries(path, () => {}, { maxEntryBytes: 1000 })).rejects.toThrow(
      `readTarGzEntries: each entry must be at most maxEntryBytes=1000 bytes. Received: big.bin of 4096 bytes in ${path}.`,
    );
  });

  it('names a missing archive', async () => {
    const path = join(dir, 'nope.tar.gz');
    await expect(readTarGzEntries(path, () => {})).rejects.toThrow(
      `readTarGzEntries: archive must be a readable file. Received: archive=${path} (ENOENT).`,
    );
  });

  it('passes errors of the callback through unchanged', async () => {
    await expect(
      readTarGzEntries(good(), () => {
        throw new Error('mine');
      }),
    ).rejects.toThrow(/^mine$/);
  });
});

describe('extractTarGz', () => {
  it('extracts files, folders and hardlinks (as copies of files extracted before them)', async () => {
    const dest = join(dir, 'out');
    const files = await extractTarGz(good(), dest);
    expect(files).toEqual(['root/a.txt', 'root/sub/b.txt', 'root/link']);
    expect(readFileSync(join(dest, 'root/a.txt'), 'utf8')).toBe('alpha');
    expect(lstatSync(join(dest, 'root/link')).isFile()).toBe(true);
    expect(readFileSync(join(dest, 'root/link'), 'utf8')).toBe('b'.repeat(1500));
  });

  it.each([
    ['a ../ entry', { path: 'ok/../../evil.txt', content: 'x' }, 'ok/../../evil.txt'],
    ['an absolute path', { path: '/tmp/evil.txt', content: 'x' }, '/tmp/evil.txt'],
    ['a hardlink out', { path: 'h', type: '1', linkName: '../x' }, '../x'],
  ])('rejects %s and leaves nothing behind', async (_name, evil, shown) => {
    const path = write('evil.tar.gz', tarGz([{ path: 'fine.txt', content: 'fine' }, evil]));
    const dest = join(dir, 'out');
    await expect(extractTarGz(path, dest)).rejects.toThrow(
      `extractTarGz: every entry must stay inside destDir. Received: entry=${JSON.stringify(shown)}.`,
    );
    expect(existsSync(dest)).toBe(false);
    expect(readdirSync(dir)).toEqual(['evil.tar.gz']);
  });

  it.each([
    ['a symlink out', 'l', '../../etc/passwd'],
    ['an absolute symlink', 'l', '/etc/passwd'],
    ['a symlink inside', 'd', 'sub'],
  ])('refuses %s (no symlink is ever created) and leaves nothing behind', async (_name, link, target) => {
    const path = write(
      'evil.tar.gz',
      tarGz([
        { path: 'fine.txt', content: 'fine' },
        { path: link, type: '2', linkName: target },
      ]),
    );
    const dest = join(dir, 'out');
    await expect(extractTarGz(path, dest)).rejects.toThrow(
      `extractTarGz: every entry must be a file or a folder (symbolic links are refused). Received: entry="${link}" -> "${target}" in ${path}. To fix this, leave it out with the filter option.`,
    );
    expect(readdirSync(dir)).toEqual(['evil.tar.gz']);
  });

  it('extracts an archive with symlinks when the filter leaves them out', async () => {
    const path = write(
      'links.tar.gz',
      tarGz([
        { path: 'a.txt', content: 'a' },
        { path: 'l', type: '2', linkName: 'a.txt' },
      ]),
    );
    expect(await extractTarGz(path, join(dir, 'out'), { filter: (p) => p !== 'l' })).toEqual(['a.txt']);
  });

  it('caps the total extracted size', async () => {
    const path = write(
      'big.tar.gz',
      tarGz([
        { path: 'a.bin', content: Buffer.alloc(600) },
        { path: 'b.bin', content: Buffer.alloc(600) },
      ]),
    );
    const dest = join(dir, 'out');
    await expect(extractTarGz(path, dest, { maxBytes: 1000 })).rejects.toThrow(
      `extractTarGz: the extracted files must total at most maxBytes=1000 bytes. Received: more from ${path}.`,
    );
    expect(existsSync(dest)).toBe(false);
  });

  it('streams large entries to disk intact', async () => {
    const big = Buffer.alloc(3 * 2 ** 20 + 123);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
    const path = write(
      'big.tar.gz',
      tarGz([
        { path: 'big.bin', content: big },
        { path: 'after.txt', content: 'after' },
      ]),
    );
    const dest = join(dir, 'out');
    expect(await extractTarGz(path, dest)).toEqual(['big.bin', 'after.txt']);
    expect(readFileSync(join(dest, 'big.bin')).equals(big)).toBe(true);
    expect(readFileSync(join(dest, 'after.txt'), 'utf8')).toBe('after');
  });

  it('refuses an entry whose declared size passes the cap before writing it', async () => {
    const path = write('one.tar.gz', tarGz([{ path: 'a.bin', content: Buffer.alloc(5000) }]));
    const dest = join(dir, 'out');
    await expect(extractTarGz(path, dest, { maxBytes: 4000 })).rejects.toThrow(
      `extractTarGz: the extracted files must total at most maxBytes=4000 bytes. Received: more from ${path}.`,
    );
    expect(readdirSync(dir)).toEqual(['one.tar.gz']);
  });

  it('extracts only filtered entries', async () => {
    const dest = join(dir, 'out');
    expect(await extractTarGz(good(), dest, { filter: (p) => p.endsWith('a.txt') })).toEqual(['root/a.txt']);
  });

  it('refuses a non-empty destDir', async () => {
    const dest = join(dir, 'out');
    mkdirSync(dest);
    writeFileSync(join(dest, 'keep'), 'k');
    await expect(extractTarGz(good(), dest)).rejects.toThrow(
      `extractTarGz: destDir must not exist or be empty. Received: destDir=${dest}.`,
    );
    expect(readdirSync(dest)).toEqual(['keep']);
  });
});
