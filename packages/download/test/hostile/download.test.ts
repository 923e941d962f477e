// Concurrency and resume integrity of download() (issue #16): two callers of one file never share a part
// file, and a stale .part is resumed only when the server proves (If-Range) it is the same version.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { download } from '../../src/node';

function bytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

const v1 = bytes(200_000, 1);
const v2 = bytes(200_000, 2);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let version = { body: v1, etag: '"v1"' as string | undefined };
const requests: { url: string; range?: string; ifRange?: string }[] = [];
let server: Server;
let base: string;

/** Serves `version`, honouring Range + If-Range as a real server does; `slow` trickles the body. */
function serve(
  req: IncomingMessage,
  res: ServerResponse,
  opts: { slow?: boolean; dropAt?: number; ignoreIfRange?: boolean },
) {
  const { body, etag } = version;
  const headers: Record<string, string | number> = etag === undefined ? {} : { etag };
  const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const ifRange = req.headers['if-range'];
  const honoured = match && (opts.ignoreIfRange || ifRange === undefined || ifRange === etag);
  const start = honoured && match ? Number(match[1]) : 0;
  if (start > 0) {
    res.writeHead(206, {
      ...headers,
      'content-length': body.length - start,
      'content-range': `bytes ${start}-${body.length - 1}/${body.length}`,
    });
  } else {
    res.writeHead(200, { ...headers, 'content-length': body.length });
  }
  const rest = body.subarray(start);
  if (opts.dropAt !== undefined) {
    res.write(rest.subarray(0, opts.dropAt), () => setTimeout(() => res.socket?.destroy(), 20));
    return;
  }
  if (!opts.slow) {
    res.end(rest);
    return;
  }
  let at = 0;
  const tick = () => {
    if (at >= rest.length) return void res.end();
    res.write(rest.subarray(at, at + 20_000));
    at += 20_000;
    setTimeout(tick, 5);
  };
  tick();
}

let dropNext = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({
      url: req.url ?? '',
      range: req.headers.range,
      ifRange: req.headers['if-range'] as string | undefined,
    });
    if (req.url === '/slow.bin') return serve(req, res, { slow: true });
    if (req.url === '/file.bin') {
      if (dropNext > 0) {
        dropNext--;
        return serve(req, res, { dropAt: 50_000 });
      }
      return serve(req, res, {});
    }
    if (req.url === '/liar.bin') return serve(req, res, { ignoreIfRange: true });
    res.writeHead(404).end();
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
  cacheDir = mkdtempSync(join(tmpdir(), 'tensorseq-hostile-dl-'));
  requests.length = 0;
  version = { body: v1, etag: '"v1"' };
  dropNext = 0;
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('download: concurrent callers', () => {
  it('gives two concurrent calls in one process one good file, fetched once', async () => {
    const [a, b] = await Promise.all([
      download(`${base}/slow.bin`, { cacheDir }),
      download(`${base}/slow.bin`, { cacheDir }),
    ]);
    expect(a).toBe(b);
    expect(readFileSync(a).equals(v1)).toBe(true);
    expect(requests.length).toBe(1);
    expect(readdirSync(cacheDir)).toEqual(['slow.bin']);
  });

  it('gives two concurrent "processes" (separate module instances) each their own part file', async () => {
    const other = await (async () => {
      vi.resetModules();
      return import('../../src/node/download');
    })();
    const parts = new Set<string>();
    const watch = setInterval(() => {
      for (const name of readdirSync(cacheDir)) if (name.endsWith('.part')) parts.add(name);
    }, 2);
    const [a, b] = await Promise.all([
      download(`${base}/slow.bin`, { cacheDir }),
      other.download(`${base}/slow.bin`, { cacheDir }),
    ]);
    clearInterval(watch);
    expect(a).toBe(b);
    expect(readFileSync(a).equals(v1)).toBe(true);
    expect(requests.length).toBe(2);
    expect(parts.size).toBe(2);
    expect(readdirSync(cacheDir)).toEqual(['slow.bin']);
  });
});

describe('download: resuming a stale .part', () => {
  it('never resumes a .part without a validator sidecar (foreign bytes)', async () => {
    writeFileSync(join(cacheDir, 'file.bin.part'), Buffer.alloc(50_000, 0x41));
    const path = await download(`${base}/file.bin`, { cacheDir });
    expect(readFileSync(path).equals(v1)).toBe(true);
    expect(requests.map((r) => r.range)).toEqual([undefined]);
    expect(readdirSync(cacheDir)).toEqual(['file.bin']);
  });

  it('resumes with If-Range when the server still has the same version', async () => {
    dropNext = 1;
    await expect(download(`${base}/file.bin`, { cacheDir, retries: 0 })).rejects.toMatchObject({
      retryable: true,
    });
    expect(readdirSync(cacheDir).sort()).toEqual(['file.bin.part', 'file.bin.part.json']);
    const path = await download(`${base}/file.bin`, { cacheDir, sha256: sha(v1) });
    expect(readFileSync(path).equals(v1)).toBe(true);
    expect(requests[1]).toMatchObject({ range: 'bytes=50000-', ifRange: '"v1"' });
  });

  it('restarts from zero when the file changed on the server since the .part was written', async () => {
    dropNext = 1;
    await expect(download(`${base}/file.bin`, { cacheDir, retries: 0 })).rejects.toMatchObject({
      retryable: true,
    });
    version = { body: v2, etag: '"v2"' };
    const path = await download(`${base}/file.bin`, { cacheDir });
    // No checksum given: only the validator stands between v1's head and v2's tail.
    expect(readFileSync(path).equals(v2)).toBe(true);
  });

  it('restarts when a server ignores If-Range and answers 206 for another version', async () => {
    writeFileSync(join(cacheDir, 'liar.bin.part'), v1.subarray(0, 50_000));
    writeFileSync(
      join(cacheDir, 'liar.bin.part.json'),
      JSON.stringify({ url: `${base}/liar.bin`, bytes: 50_000, validator: { value: '"v1"', kind: 'etag' } }),
    );
    version = { body: v2, etag: '"v2"' };
    const path = await download(`${base}/liar.bin`, { cacheDir });
    expect(readFileSync(path).equals(v2)).toBe(true);
    expect(requests.map((r) => r.range)).toEqual(['bytes=50000-', undefined]);
  });

  it('does not keep a .part when the server gives no validator (it could never be resumed safely)', async () => {
    version = { body: v1, etag: undefined };
    dropNext = 1;
    await expect(download(`${base}/file.bin`, { cacheDir, retries: 0 })).rejects.toMatchObject({
      retryable: true,
    });
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('ignores a sidecar written for another URL', async () => {
    writeFileSync(join(cacheDir, 'file.bin.part'), Buffer.alloc(50_000, 0x41));
    writeFileSync(
      join(cacheDir, 'file.bin.part.json'),
      JSON.stringify({ url: `${base}/other.bin`, bytes: 50_000, validator: { value: '"v1"', kind: 'etag' } }),
    );
    const path = await download(`${base}/file.bin`, { cacheDir });
    expect(readFileSync(path).equals(v1)).toBe(true);
    expect(requests.map((r) => r.range)).toEqual([undefined]);
  });
});
