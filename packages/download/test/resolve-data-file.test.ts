import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultCacheDir, resolveDataFile } from '../src/node';

const official = Buffer.from('{"the": 1, "and": 2}');
const officialSha = createHash('sha256').update(official).digest('hex');
let server: Server;
let url: string;
let served = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    served++;
    res.writeHead(200, { 'content-length': official.length }).end(official);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/word_index.json`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tensorseq-resolve-'));
  served = 0;
  vi.stubEnv('TENSORSEQ_DATA', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('resolveDataFile', () => {
  it('does not checksum a source under another name', async () => {
    const source = join(dir, 'mine.json');
    writeFileSync(source, '{}');
    const warnings: string[] = [];
    await resolveDataFile('word_index.json', {
      source,
      url,
      sha256: officialSha,
      onWarning: (m) => warnings.push(m),
    });
    expect(warnings).toEqual([]);
  });

  it('prefers an explicit source, warning when its checksum differs', async () => {
    const source = join(dir, 'word_index.json');
    writeFileSync(source, '{}');
    const warnings: string[] = [];
    const path = await resolveDataFile('word_index.json', {
      source,
      url,
      sha256: officialSha,
      onWarning: (m) => warnings.push(m),
    });
    expect(path).toBe(source);
    expect(served).toBe(0);
    expect(warnings).toEqual([
      `resolveDataFile: ${source} has sha256=${createHash('sha256').update('{}').digest('hex')}, not the official ${officialSha}; using it anyway.`,
    ]);
  });

  it('downloads a URL source into the cache', async () => {
    const cacheDir = join(dir, 'cache');
    const path = await resolveDataFile('official.json', {
      source: url,
      url: 'https://example.invalid/x',
      cacheDir,
    });
    expect(path).toBe(join(cacheDir, 'word_index.json'));
    expect(served).toBe(1);
  });

  it('rejects a source that does not exist', async () => {
    const source = join(dir, 'missing.json');
    await expect(resolveDataFile('word_index.json', { source, url })).rejects.toThrow(
      `resolveDataFile: source must be an existing file or folder. Received: source=${source}.`,
    );
  });

  it('finds the official name, then an alternative, in TENSORSEQ_DATA', async () => {
    const data = join(dir, 'data');
    mkdirSync(data);
    vi.stubEnv('TENSORSEQ_DATA', data);
    writeFileSync(join(data, 'trimmed.json'), official);
    const options = { url, sha256: officialSha, alternatives: [{ fileName: 'trimmed.json' }], cacheDir: dir };
    expect(await resolveDataFile('word_index.json', options)).toBe(join(data, 'trimmed.json'));
    writeFileSync(join(data, 'word_index.json'), official);
    expect(await resolveDataFile('word_index.json', options)).toBe(join(data, 'word_index.json'));
    expect(served).toBe(0);
  });

  it('downloads into the cache when nothing local exists, once', async () => {
    const cacheDir = join(dir, 'cache');
    const first = await resolveDataFile('word_index.json', { url, sha256: officialSha, cacheDir });
    const second = await resolveDataFile('word_index.json', { url, sha256: officialSha, cacheDir });
    expect(first).toBe(join(cacheDir, 'word_index.json'));
    expect(second).toBe(first);
    expect(readFileSync(first).equals(official)).toBe(true);
    expect(served).toBe(1);
  });
});

describe('defaultCacheDir', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('honours TENSORSEQ_CACHE, then XDG_CACHE_HOME', () => {
    vi.stubEnv('TENSORSEQ_CACHE', '/x/cache');
    expect(defaultCacheDir()).toBe('/x/cache');
    vi.stubEnv('TENSORSEQ_CACHE', '');
    vi.stubEnv('XDG_CACHE_HOME', '/xdg');
    expect(defaultCacheDir()).toBe('/xdg/tensorseq');
    vi.stubEnv('XDG_CACHE_HOME', '');
    expect(defaultCacheDir()).toMatch(/[/\\]\.cache[/\\]tensorseq$/);
  });
});
