// Property-based fuzzing of the archive readers and extractors (issue #16) on generated hostile archives
// and on byte-level mutations of them. Properties: every call ends in a result or a DownloadError (never
// another error, a crash or a hang); nothing is ever written outside the target folder; the extracted
// tree holds only regular files and folders, exactly the files reported; memory stays bounded.
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fuzzParams } from '@tensorseq/test-utils/fuzz';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DownloadError,
  extractTarGz,
  extractZip,
  listZipEntries,
  openZipEntry,
  readTarGzEntries,
} from '../../src/node';
import { type TarSpec, tar, type ZipSpec, zip } from '../archive-builders';

const sandbox = mkdtempSync(join(tmpdir(), 'tensorseq-fuzz-archives-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** Path segments an attacker would try, plus ordinary ones. */
const segment = fc.constantFrom('a', 'b', 'c.txt', '..', '.', '', '/', '\\', 'C:', '~', '\0x', 'é');
const entryPath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
const content = fc.uint8Array({ maxLength: 700 }).map((bytes) => Buffer.from(bytes));

const tarEntry: fc.Arbitrary<TarSpec> = fc.record({
  path: entryPath,
  type: fc.constantFrom('0', '0', '5', '2', '1', '3', '6', 'x', 'L', 'K', 'g', '7'),
  linkName: fc.oneof(entryPath, fc.constantFrom('/etc/passwd', '..', '../..', 'a', 'a/../..')),
  content,
});

const zipEntry: fc.Arbitrary<ZipSpec> = fc.record({
  name: entryPath,
  content,
  deflate: fc.boolean(),
  symlink: fc.constantFrom(false, false, false, true),
  crc: fc.option(fc.integer({ min: 0, max: 0xffffffff }), { nil: undefined }),
});

/** Byte-level damage: overwrite some bytes, then maybe cut the tail. */
const damage = fc.record({
  writes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
  cut: fc.option(fc.nat(), { nil: undefined }),
});

function applyDamage(bytes: Buffer, d: { writes: [number, number][]; cut: number | undefined }): Buffer {
  const out = Buffer.from(bytes);
  if (out.length === 0) return out;
  for (const [at, value] of d.writes) out[at % out.length] = value;
  return d.cut === undefined ? out : out.subarray(0, d.cut % (out.length + 1));
}

let caseNo = 0;
/** Runs `body` in a fresh folder holding only the archive; checks nothing else appears there. */
async function inCase(
  archiveBytes: Buffer,
  name: string,
  body: (archive: string, dest: string) => Promise<void>,
) {
  const dir = join(sandbox, `case${caseNo++}`);
  const outside = mkdtempSync(join(sandbox, 'outside-'));
  try {
    mkdirSync(dir);
    const archive = join(dir, name);
    writeFileSync(archive, archiveBytes);
    await body(archive, join(dir, 'out'));
    const left = readdirSync(dir).sort();
    expect(left.filter((n) => n !== name && n !== 'out')).toEqual([]);
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(sandbox).filter((n) => !n.startsWith('case') && !n.startsWith('outside-'))).toEqual(
      [],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
}

/** Every path under `root`: regular files and folders only, no links. */
function treeOf(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const info = lstatSync(path);
      expect(info.isSymbolicLink(), `a link was created: ${path}`).toBe(false);
      if (info.isDirectory()) walk(path);
      else {
        expect(info.isFile()).toBe(true);
        files.push(relative(root, path).split('\\').join('/'));
      }
    }
  };
  walk(root);
  return files.sort();
}

/** A call either succeeds or throws a DownloadError: anything else (TypeError, ENOENT…) fails the property. */
async function settle<T>(call: Promise<T>): Promise<T | DownloadError> {
  try {
    return await call;
  } catch (error) {
    if (!DownloadError.isInstance(error)) throw error;
    return error;
  }
}

const MAX = 64 * 1024;
const rssBefore = process.memoryUsage().rss;

describe('fuzz: tar.gz', () => {
  it('extractTarGz and readTarGzEntries on generated hostile archives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(tarEntry, { maxLength: 8 }),
        fc.option(damage, { nil: undefined }),
        async (entries, d) => {
          const raw = tar(entries);
          // Damage either the tar (inside a valid gzip) or the gzip stream itself.
          const bytes =
            d === undefined
              ? gzipSync(raw)
              : Math.random() < 0.5
                ? gzipSync(applyDamage(raw, d))
                : applyDamage(gzipSync(raw), d);
          await inCase(bytes, 'a.tar.gz', async (archive, dest) => {
            const result = await settle(extractTarGz(archive, dest, { maxBytes: MAX }));
            if (DownloadError.isInstance(result)) {
              expect(readdirSync(join(dest, '..')).includes('out')).toBe(false);
            } else {
              expect(treeOf(dest)).toEqual([...new Set(result)].sort());
            }
            await settle(readTarGzEntries(archive, () => {}, { maxEntryBytes: MAX }));
          });
        },
      ),
      fuzzParams(60),
    );
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 2 ** 20);
  });
});

describe('fuzz: zip', () => {
  it('extractZip, listZipEntries and openZipEntry on generated hostile archives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(zipEntry, { maxLength: 6 }),
        fc.option(damage, { nil: undefined }),
        async (entries, d) => {
          const whole = zip(entries);
          const bytes = d === undefined ? whole : applyDamage(whole, d);
          await inCase(bytes, 'a.zip', async (archive, dest) => {
            const result = await settle(extractZip(archive, dest, { maxBytes: MAX }));
            if (!DownloadError.isInstance(result)) expect(treeOf(dest)).toEqual([...new Set(result)].sort());
            const listed = await settle(listZipEntries(archive));
            if (!DownloadError.isInstance(listed)) {
              // openZipEntry reads the first member of a name (a hostile zip may repeat names).
              const firsts = listed.filter((e, i) => listed.findIndex((f) => f.name === e.name) === i);
              for (const entry of firsts.slice(0, 3)) {
                await settle(
                  openZipEntry(archive, entry.name).then(async (stream) => {
                    let n = 0;
                    for await (const chunk of stream) n += (chunk as Buffer).length;
                    expect(n).toBeLessThanOrEqual(entry.uncompressedSize);
                  }),
                );
              }
            }
          });
        },
      ),
      fuzzParams(60),
    );
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 2 ** 20);
  });
});
