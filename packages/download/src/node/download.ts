import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DownloadError } from '../download-error';
import { defaultCacheDir } from './default-cache-dir';
import { claimPart, discardPart, type PartFile, releasePart, type Validator, validatorOf } from './part-file';
import { sha256File } from './sha256-file';

/** What {@link DownloadOptions.onProgress} receives. */
export interface DownloadProgress {
  /** Bytes of the file on disk so far (a resumed download starts at the size of its `.part`). */
  bytes: number;
  /** Size of the whole file when the server says it, else `undefined`. */
  total: number | undefined;
  /** Bytes per second received by the current request. */
  rate: number;
}

/** Options of {@link download}. */
export interface DownloadOptions {
  /** Cache folder. @defaultValue {@link defaultCacheDir}() */
  cacheDir?: string;
  /** Name of the cached file. @defaultValue the last segment of the URL's path */
  fileName?: string;
  /** Expected sha256 (hex). A mismatch deletes the download and throws. @defaultValue no check */
  sha256?: string;
  /** Called as data arrives (at most every 100 ms, and once at the end). */
  onProgress?: (progress: DownloadProgress) => void;
  /** Refuse files larger than this many bytes. @defaultValue 8 GiB */
  maxBytes?: number;
  /** Give up when no data arrives for this long (a stall), in milliseconds. @defaultValue 30000 */
  timeoutMs?: number;
  /** Redirects followed at most. @defaultValue 5 */
  maxRedirects?: number;
  /** Attempts after a dropped connection or a stall; each resumes the part (when its validator matches). @defaultValue 2 */
  retries?: number;
  /** Aborts the download; the `.part` stays for a later resume (when the server gave a validator). */
  signal?: AbortSignal;
}

interface CheckedOptions {
  cacheDir: string;
  fileName: string;
  sha256: string | undefined;
  onProgress: ((progress: DownloadProgress) => void) | undefined;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  retries: number;
  signal: AbortSignal | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Downloads `url` into the cache (once) and returns the path of the verified file, like Keras' `get_file`.
 *
 * The body goes to a part file of this call's own (`<fileName>.<pid>-<random>.part`), renamed onto
 * `<fileName>` only once complete and verified, so the cache never holds a half-written file under its
 * real name and concurrent callers (in one process or several) never write the same file: calls for one
 * file in one process run one after the other (the second finds the first's file), and processes race
 * to an atomic rename of whole, verified files. A part left by a dropped connection, a stall or an abort
 * is kept as `<fileName>.part` with the response's validator (a strong ETag, else Last-Modified) and is
 * resumed only with `Range` + `If-Range`: the server must answer `206` from where the part ends with the
 * same validator, else the download restarts from zero. Bytes without a validator are never resumed.
 * Only `https:` URLs are accepted (`http:` on the loopback interface, for tests).
 *
 * @param url - `https://…` address of the file.
 * @param options - cache location, checksum, limits; see {@link DownloadOptions}.
 * @returns the absolute path of the cached file.
 * @throws {@link DownloadError} on a bad argument, an HTTP error status, a stall, a truncated body that
 * retries could not complete, a file over `maxBytes`, too many redirects or a checksum mismatch.
 * @example
 * const path = await download('https://storage.googleapis.com/tensorflow/tf-keras-datasets/imdb_word_index.json', {
 *   sha256: '027313fe9a320280f3bf0fac5baf58c4a683cf39a7ed9c3d3d3912bde4284cf6',
 * }); // → '/home/me/.cache/tensorseq/imdb_word_index.json'
 */
export async function download(url: string, options: DownloadOptions = {}): Promise<string> {
  const parsed = checkUrl(url);
  const opts = checkDownloadOptions(parsed, options);
  const target = join(opts.cacheDir, opts.fileName);
  return oneAtATime(target, () => downloadOnce(parsed, target, opts));
}

/** Calls for one cache path in this process, chained: each starts once the one before it settled. */
const inFlight = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = inFlight.get(key) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(run);
  inFlight.set(key, mine);
  try {
    return await mine;
  } finally {
    if (inFlight.get(key) === mine) inFlight.delete(key);
  }
}

async function downloadOnce(url: URL, target: string, opts: CheckedOptions): Promise<string> {
  if (await isFile(target)) {
    if (opts.sha256 === undefined || (await sha256File(target)) === opts.sha256) return target;
    // A cached file that fails its checksum is corrupt: fetch it again rather than serve it.
    await rm(target, { force: true });
  }
  await mkdir(opts.cacheDir, { recursive: true });
  const part = await claimPart(target, url.href);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await fetchToPart(url, part, opts);
        break;
      } catch (error) {
        const retry = DownloadError.isInstance(error) && error.retryable && !opts.signal?.aborted;
        if (!retry || attempt >= opts.retries) throw error;
      }
    }
  } catch (error) {
    const resumable = (DownloadError.isInstance(error) && error.retryable) || opts.signal?.aborted === true;
    if (resumable) await releasePart(target, url.href, part);
    else await discardPart(part);
    throw error;
  }
  if (opts.sha256 !== undefined) {
    const actual = await sha256File(part.path);
    if (actual !== opts.sha256) {
      await discardPart(part);
      throw new DownloadError(
        `download: sha256 must be ${opts.sha256}. Received: sha256=${actual} for ${url.href}.`,
        'checksum',
      );
    }
  }
  await rename(part.path, target);
  return target;
}

function checkUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DownloadError(`download: url must be an absolute URL. Received: url=${url}.`, 'bad-argument');
  }
  const loopbackHttp = parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !loopbackHttp) {
    throw new DownloadError(
      `download: url must use https: (http: only on localhost). Received: url=${url}.`,
      'bad-argument',
    );
  }
  return parsed;
}

function checkDownloadOptions(url: URL, options: DownloadOptions): CheckedOptions {
  const {
    cacheDir = defaultCacheDir(),
    fileName = fileNameOf(url),
    sha256,
    onProgress,
    maxBytes = 8 * 2 ** 30,
    timeoutMs = 30_000,
    maxRedirects = 5,
    retries = 2,
    signal,
  } = options;
  if (fileName === '' || fileName === '.' || fileName === '..' || /[/\\]/.test(fileName)) {
    throw new DownloadError(
      `download: fileName must be a plain file name. Received: fileName=${JSON.stringify(fileName)}.`,
      'bad-argument',
    );
  }
  if (sha256 !== undefined && !/^[0-9a-f]{64}$/.test(sha256)) {
    throw new DownloadError(
      `download: sha256 must be 64 lower-case hex digits. Received: sha256=${sha256}.`,
      'bad-argument',
    );
  }
  const counts = { maxBytes, timeoutMs, maxRedirects, retries };
  for (const [name, value] of Object.entries(counts)) {
    if (!(Number.isInteger(value) && value >= 0)) {
      throw new DownloadError(
        `download: ${name} must be a non-negative integer. Received: ${name}=${value}.`,
        'bad-argument',
      );
    }
  }
  return { cacheDir, fileName, sha256, onProgress, maxBytes, timeoutMs, maxRedirects, retries, signal };
}

/** The URL's last path segment, percent-decoded when that is valid. */
function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/** Appends to (resume, when the validator still matches) or rewrites the part from one HTTP response. */
async function fetchToPart(url: URL, part: PartFile, opts: CheckedOptions): Promise<void> {
  part.bytes = await sizeOf(part.path);
  const validator = part.bytes > 0 ? part.validator : undefined;
  const headers: Record<string, string> =
    validator === undefined ? {} : { range: `bytes=${part.bytes}-`, 'if-range': validator.value };
  const failure: { error?: DownloadError } = {};
  const res = await openResponse(url, headers, opts, opts.maxRedirects, failure);
  const start = await resumeOffset(res, validator === undefined ? 0 : part.bytes, validator, url);
  if (start === undefined) {
    // The server cannot serve the rest of this version: drop the bytes and fetch the whole file.
    res.resume();
    await rm(part.path, { force: true });
    part.bytes = 0;
    part.validator = undefined;
    return fetchToPart(url, part, opts);
  }
  if (start === 0) part.validator = validatorOf(res);
  const total = totalSize(res, start);
  if (total !== undefined && total > opts.maxBytes) {
    res.destroy();
    throw tooLarge(opts.maxBytes, total, url);
  }
  const counter = progressCounter(start, total, opts, url);
  try {
    await pipeline(res, counter, createWriteStream(part.path, { flags: start > 0 ? 'a' : 'w' }), {
      signal: opts.signal,
    });
  } catch (error) {
    throw failure.error ?? asDownloadError(error, url);
  }
  const bytes = counter.bytes;
  part.bytes = bytes;
  if (total !== undefined && bytes !== total) {
    throw new DownloadError(
      `download: the body must have ${total} bytes. Received: bytes=${bytes} from ${url.href} (the .part is kept to resume).`,
      'truncated',
      true,
    );
  }
}

/**
 * The byte offset the response body starts at: `offset` for a valid 206 (right start, same validator), 0
 * for a 200 (also what a server sends when `If-Range` no longer matches), `undefined` when the partial
 * file must be discarded (an invalid 206, or 416 Range Not Satisfiable).
 */
async function resumeOffset(
  res: IncomingMessage,
  offset: number,
  validator: Validator | undefined,
  url: URL,
): Promise<number | undefined> {
  const status = res.statusCode ?? 0;
  if (status === 200) return 0;
  if (offset > 0 && status === 206) {
    const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(res.headers['content-range'] ?? '');
    const same = validatorOf(res);
    const sameVersion = same !== undefined && same.kind === validator?.kind && same.value === validator.value;
    return match && Number(match[1]) === offset && sameVersion ? offset : undefined;
  }
  if (offset > 0 && status === 416) return undefined;
  res.resume();
  throw new DownloadError(
    `download: the server must answer 200${offset > 0 ? ' or 206' : ''}. Received: status=${status} for ${url.href}.`,
    'http-status',
    status >= 500,
  );
}

function totalSize(res: IncomingMessage, start: number): number | undefined {
  const length = res.headers['content-length'];
  return length === undefined ? undefined : start + Number(length);
}

function tooLarge(maxBytes: number, bytes: number, url: URL): DownloadError {
  return new DownloadError(
    `download: the file must be at most maxBytes=${maxBytes} bytes. Received: bytes=${bytes} from ${url.href}.`,
    'too-large',
  );
}

/** Opens a GET, following redirects; a stall of `timeoutMs` destroys the request with `failure.error`. */
function openResponse(
  url: URL,
  headers: Record<string, string>,
  opts: CheckedOptions,
  redirectsLeft: number,
  failure: { error?: DownloadError },
): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = client.get(
      url,
      {
        headers: { ...headers, 'user-agent': 'tensorseq', 'accept-encoding': 'identity' },
        signal: opts.signal,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (status >= 300 && status < 400 && location !== undefined) {
          res.resume();
          if (redirectsLeft === 0) {
            reject(
              new DownloadError(
                `download: redirects must be at most maxRedirects=${opts.maxRedirects}. Received: a redirect chain longer than ${opts.maxRedirects} from ${url.href}.`,
                'too-many-redirects',
              ),
            );
            return;
          }
          try {
            const next = checkUrl(new URL(location, url).href);
            openResponse(next, headers, opts, redirectsLeft - 1, failure).then(resolve, reject);
          } catch (error) {
            reject(error);
          }
          return;
        }
        resolve(res);
      },
    );
    req.setTimeout(opts.timeoutMs, () => {
      failure.error = new DownloadError(
        `download: data must arrive within timeoutMs=${opts.timeoutMs}. Received: no data for ${opts.timeoutMs} ms from ${url.href}.`,
        'stalled',
        true,
      );
      req.destroy(failure.error);
    });
    req.on('error', (error) => reject(failure.error ?? asDownloadError(error, url)));
  });
}

function asDownloadError(error: unknown, url: URL): Error {
  if (DownloadError.isInstance(error)) return error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DownloadError(
    `download: the connection must deliver the whole file. Received: error=${message} from ${url.href}.`,
    'network',
    true,
  );
}

interface Counter extends Transform {
  bytes: number;
}

/** A pass-through that counts bytes, enforces `maxBytes` and reports progress. */
function progressCounter(start: number, total: number | undefined, opts: CheckedOptions, url: URL): Counter {
  const began = performance.now();
  let lastReport = 0;
  const report = (bytes: number, force: boolean) => {
    const now = performance.now();
    if (!opts.onProgress || (!force && now - lastReport < 100)) return;
    lastReport = now;
    const seconds = Math.max((now - began) / 1000, 1e-3);
    opts.onProgress({ bytes, total, rate: (bytes - start) / seconds });
  };
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      counter.bytes += chunk.length;
      if (counter.bytes > opts.maxBytes) {
        callback(tooLarge(opts.maxBytes, counter.bytes, url));
        return;
      }
      report(counter.bytes, false);
      callback(null, chunk);
    },
    flush(callback) {
      report(counter.bytes, true);
      callback();
    },
  }) as Counter;
  counter.bytes = start;
  return counter;
}
