import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DownloadError, type DownloadProgress, download, extractTarGz, readTarGzEntries } from '../src/node';
import { tarGz } from './archive-builders';

/** Incompressible but reproducible bytes, so the archive is large enough to split and cap. */
function noise(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

const good = tarGz([
  { path: 'data/', type: '5' },
  { path: 'data/a.txt', content: noise(70_000) },
  { path: 'data/b.txt', content: 'hello' },
]);
const goodSha = createHash('sha256').update(good).digest('hex');
const evil = tarGz([
  { path: 'fine.txt', content: 'fine' },
  { path: '../escape.txt', content: 'gotcha' },
]);
const cut = good.subarray(0, good.length - 100);
const half = Math.floor(good.length / 2);

const requests: { url: string; range: string | undefined; ifRange: string | undefined }[] = [];
const hits = new Map<string, number>();
let server: Server;
let base: string;

function sendRange(req: IncomingMessage, res: ServerResponse, body: Buffer, etag = '"v1"') {
  const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const ifRange = req.headers['if-range'];
  if (!match || (ifRange !== undefined && ifRange !== etag)) {
    res.writeHead(200, { 'content-length': body.length, etag });
    res.end(body);
    return;
  }
  const start = Number(match[1]);
  res.writeHead(206, {
    'content-length': body.length - start,
    'content-range': `bytes ${start}-${body.length - 1}/${body.length}`,
    etag,
  });
  res.end(body.subarray(start));
}

/** Sends the first half with the full Content-Length, then drops the connection. */
function sendHalfAndDrop(res: ServerResponse, body: Buffer, etag = '"v1"') {
  res.writeHead(200, { 'content-length': body.length, etag });
  res.write(body.subarray(0, half), () => setTimeout(() => res.socket?.destroy(), 20));
}

const routes: Record<string, (req: IncomingMessage, res: ServerResponse, hit: number) => void> = {
  '/good.tar.gz': (req, res) => sendRange(req, res, good),
  '/evil.tar.gz': (req, res) => sendRange(req, res, evil),
  '/cut.tar.gz': (req, res) => sendRange(req, res, cut),
  '/truncated.tar.gz': (_req, res) => sendHalfAndDrop(res, good),
  '/resume.tar.gz': (req, res, hit) => (hit === 1 ? sendHalfAndDrop(res, good) : sendRange(req, res, good)),
  '/norange.tar.gz': (_req, res, hit) => {
    if (hit === 1) sendHalfAndDrop(res, good);
    else {
      res.writeHead(200, { 'content-length': good.length, etag: '"v1"' });
      res.end(good);
    }
  },
  '/badrange.tar.gz': (req, res, hit) => {
    if (hit === 1) return sendHalfAndDrop(res, good);
    if (req.headers.range) {
      res.writeHead(206, {
        'content-length': 10,
        'content-range': `bytes 3-12/${good.length}`,
        etag: '"v1"',
      });
      return res.end(good.subarray(3, 13));
    }
    sendRange(req, res, good);
  },
  '/stall.tar.gz': (_req, res) => {
    res.writeHead(200, { 'content-length': good.length });
    res.write(good.subarray(0, 100));
  },
  '/redirect/2': (_req, res) => res.writeHead(302, { location: '/redirect/1' }).end(),
  '/redirect/1': (_req, res) => res.writeHead(301, { location: `${base}/good.tar.gz` }).end(),
  '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
  '/chunked-big': (_req, res) => {
    res.writeHead(200);
    for (let i = 0; i < 10; i++) res.write(Buffer.alloc(10_000));
    res.end();
  },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    const hit = (hits.get(url) ?? 0) + 1;
    hits.set(url, hit);
    requests.push({ url, range: req.headers.range, ifRange: req.headers['if-range'] as string | undefined });
    const route = routes[url];
    if (route) route(req, res, hit);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'tensorseq-download-'));
  requests.length = 0;
  hits.clear();
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('download', () => {
  it('downloads, verifies and returns the cached path, reporting progress', async () => {
    const progress: DownloadProgress[] = [];
    const path = await download(`${base}/good.tar.gz`, {
      cacheDir,
      sha256: goodSha,
      onProgress: (p) => progress.push(p),
    });
    expect(path).toBe(join(cacheDir, 'good.tar.gz'));
    expect(readFileSync(path).equals(good)).toBe(true);
    const last = progress[progress.length - 1];
    expect(last.bytes).toBe(good.length);
    expect(last.total).toBe(good.length);
    expect(last.rate).toBeGreaterThan(0);
    expect(readdirSync(cacheDir)).toEqual(['good.tar.gz']);
  });

  it('serves a cache hit without a request', async () => {
    await download(`${base}/good.tar.gz`, { cacheDir, sha256: goodSha });
    await download(`${base}/good.tar.gz`, { cacheDir, sha256: goodSha });
    expect(hits.get('/good.tar.gz')).toBe(1);
  });

  it('re-downloads a cached file that fails its checksum', async () => {
    writeFileSync(join(cacheDir, 'good.tar.gz'), 'corrupt');
    const path = await download(`${base}/good.tar.gz`, { cacheDir, sha256: goodSha });
    expect(readFileSync(path).equals(good)).toBe(true);
    expect(hits.get('/good.tar.gz')).toBe(1);
  });

  it('rejects a wrong checksum and leaves nothing in the cache', async () => {
    const wrong = '0'.repeat(64);
    await expect(download(`${base}/good.tar.gz`, { cacheDir, sha256: wrong })).rejects.toThrow(
      `download: sha256 must be ${wrong}. Received: sha256=${goodSha} for ${base}/good.tar.gz.`,
    );
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('resumes a dropped download with a Range request', async () => {
    const path = await download(`${base}/resume.tar.gz`, { cacheDir, sha256: goodSha });
    expect(readFileSync(path).equals(good)).toBe(true);
    expect(requests.map((r) => r.range)).toEqual([undefined, `bytes=${half}-`]);
    expect(requests[1].ifRange).toBe('"v1"');
  });

  it('restarts from zero when the server ignores the Range header', async () => {
    const path = await download(`${base}/norange.tar.gz`, { cacheDir, sha256: goodSha });
    expect(readFileSync(path).equals(good)).toBe(true);
    expect(requests.length).toBe(2);
  });

  it('restarts when a 206 starts at the wrong offset', async () => {
    const path = await download(`${base}/badrange.tar.gz`, { cacheDir, sha256: goodSha });
    expect(readFileSync(path).equals(good)).toBe(true);
    expect(requests.map((r) => r.range)).toEqual([undefined, `bytes=${half}-`, undefined]);
  });

  it('fails on a body that keeps getting truncated, keeping only the .part and its validator', async () => {
    const error = await download(`${base}/truncated.tar.gz`, { cacheDir, retries: 1 }).catch((e) => e);
    expect(DownloadError.isInstance(error)).toBe(true);
    expect((error as DownloadError).retryable).toBe(true);
    expect(existsSync(join(cacheDir, 'truncated.tar.gz'))).toBe(false);
    expect(readdirSync(cacheDir).sort()).toEqual(['truncated.tar.gz.part', 'truncated.tar.gz.part.json']);
    expect(requests.length).toBe(2);
  });

  it('times out a stalled transfer', async () => {
    await expect(download(`${base}/stall.tar.gz`, { cacheDir, timeoutMs: 200, retries: 0 })).rejects.toThrow(
      `download: data must arrive within timeoutMs=200. Received: no data for 200 ms from ${base}/stall.tar.gz.`,
    );
    expect(existsSync(join(cacheDir, 'stall.tar.gz'))).toBe(false);
  });

  it('follows redirects and stores under the first URL name', async () => {
    const path = await download(`${base}/redirect/2`, { cacheDir, fileName: 'r.tar.gz', sha256: goodSha });
    expect(readFileSync(path).equals(good)).toBe(true);
  });

  it('stops after maxRedirects', async () => {
    await expect(download(`${base}/loop`, { cacheDir, maxRedirects: 3 })).rejects.toThrow(
      `download: redirects must be at most maxRedirects=3. Received: a redirect chain longer than 3 from ${base}/loop.`,
    );
  });

  it('refuses a Content-Length above maxBytes before writing', async () => {
    await expect(download(`${base}/good.tar.gz`, { cacheDir, maxBytes: 1000 })).rejects.toThrow(
      `download: the file must be at most maxBytes=1000 bytes. Received: bytes=${good.length} from ${base}/good.tar.gz.`,
    );
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('stops a body without Content-Length once it passes maxBytes', async () => {
    await expect(download(`${base}/chunked-big`, { cacheDir, maxBytes: 25_000 })).rejects.toThrow(
      /^download: the file must be at most maxBytes=25000 bytes\. Received: bytes=\d+ from /,
    );
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('reports an HTTP error status', async () => {
    await expect(download(`${base}/missing.bin`, { cacheDir })).rejects.toThrow(
      `download: the server must answer 200. Received: status=404 for ${base}/missing.bin.`,
    );
  });

  it('accepts https only, except on localhost', async () => {
    await expect(download('http://example.com/a.zip', { cacheDir })).rejects.toThrow(
      'download: url must use https: (http: only on localhost). Received: url=http://example.com/a.zip.',
    );
  });

  it('validates fileName and sha256', async () => {
    await expect(download(`${base}/good.tar.gz`, { cacheDir, fileName: '../x' })).rejects.toThrow(
      'download: fileName must be a plain file name. Received: fileName="../x".',
    );
    await expect(download(`${base}/good.tar.gz`, { cacheDir, sha256: 'abc' })).rejects.toThrow(
      'download: sha256 must be 64 lower-case hex digits. Received: sha256=abc.',
    );
  });

  it('aborts on signal, keeping the .part for later', async () => {
    const controller = new AbortController();
    const pending = download(`${base}/stall.tar.gz`, { cacheDir, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toThrow();
    expect(existsSync(join(cacheDir, 'stall.tar.gz'))).toBe(false);
  });
});

describe('download, then read or extract', () => {
  it('extracts a downloaded archive', async () => {
    const path = await download(`${base}/good.tar.gz`, { cacheDir, sha256: goodSha });
    const dest = join(cacheDir, 'good');
    expect(await extractTarGz(path, dest)).toEqual(['data/a.txt', 'data/b.txt']);
    expect(readFileSync(join(dest, 'data/b.txt'), 'utf8')).toBe('hello');
  });

  it('refuses to extract a downloaded archive with a ../ entry, writing nothing', async () => {
    const path = await download(`${base}/evil.tar.gz`, { cacheDir });
    await expect(extractTarGz(path, join(cacheDir, 'evil'))).rejects.toThrow(
      'extractTarGz: every entry must stay inside destDir. Received: entry="../escape.txt".',
    );
    expect(readdirSync(cacheDir)).toEqual(['evil.tar.gz']);
  });

  it('reports a downloaded archive that was truncated at the source', async () => {
    const path = await download(`${base}/cut.tar.gz`, { cacheDir });
    await expect(readTarGzEntries(path, () => {})).rejects.toThrow(
      `readTarGzEntries: archive must be a valid gzip stream. Received: unexpected end of file in ${path}.`,
    );
  });
});
