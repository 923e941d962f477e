import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';

/** What identifies one version of a remote file: a strong ETag, else its Last-Modified date. */
export interface Validator {
  /** Sent as `If-Range` and compared with the 206 response's. */
  value: string;
  kind: 'etag' | 'last-modified';
}

/**
 * The partial download one {@link download} call owns: a file of its own (unique name), so concurrent
 * callers never write the same bytes, plus the validator of the response its bytes came from.
 */
export interface PartFile {
  /** `<target>.<pid>-<random>.part`: only this call writes it. */
  path: string;
  /** Bytes already in `path`. */
  bytes: number;
  /** Validator of the response the bytes came from; without one the bytes are never resumed. */
  validator: Validator | undefined;
}

interface PartMeta {
  url: string;
  bytes: number;
  validator: Validator;
}

/**
 * Takes over the `<target>.part` a failed call left (an atomic rename, so one caller at most gets it),
 * keeping its bytes only when its sidecar names the same URL, the same size and a validator; otherwise
 * starts an empty part of this call's own.
 *
 * @example
 * const part = await claimPart('/cache/a.zip', 'https://x/a.zip') // → { path: '/cache/a.zip.123-9f2c…part', bytes: 0, … }
 */
export async function claimPart(target: string, url: string): Promise<PartFile> {
  const path = `${target}.${process.pid}-${randomBytes(6).toString('hex')}.part`;
  const fresh: PartFile = { path, bytes: 0, validator: undefined };
  const claimed = await rename(`${target}.part`, path).then(
    () => true,
    () => false,
  );
  if (!claimed) return fresh;
  const meta = await rename(`${target}.part.json`, `${path}.json`)
    .then(() => readFile(`${path}.json`, 'utf8'))
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined);
  await rm(`${path}.json`, { force: true });
  const bytes = await stat(path).then(
    (info) => info.size,
    () => 0,
  );
  if (!isPartMeta(meta) || meta.url !== url || meta.bytes !== bytes || bytes === 0) {
    // Foreign or unlabelled bytes: never splice them into a download.
    await rm(path, { force: true });
    return fresh;
  }
  return { path, bytes, validator: meta.validator };
}

/**
 * Leaves this call's part as `<target>.part` (with its validator in `<target>.part.json`) for a later call
 * to resume; a part without a validator is deleted instead, since nothing could prove it resumable.
 *
 * @example
 * await releasePart('/cache/a.zip', 'https://x/a.zip', part)
 */
export async function releasePart(target: string, url: string, part: PartFile): Promise<void> {
  const bytes = await stat(part.path).then(
    (info) => info.size,
    () => 0,
  );
  if (bytes === 0 || part.validator === undefined) {
    await discardPart(part);
    return;
  }
  const meta: PartMeta = { url, bytes, validator: part.validator };
  await writeFile(`${part.path}.json`, JSON.stringify(meta));
  // The sidecar goes first: a part found without one is discarded, never trusted.
  await rm(`${target}.part.json`, { force: true });
  await rename(part.path, `${target}.part`);
  await rename(`${part.path}.json`, `${target}.part.json`);
}

/**
 * Deletes this call's part and sidecar.
 *
 * @example
 * await discardPart(part)
 */
export async function discardPart(part: PartFile): Promise<void> {
  await rm(part.path, { force: true });
  await rm(`${part.path}.json`, { force: true });
}

/**
 * The validator of a response: its ETag when strong (a weak `W/` one cannot be used with `If-Range`),
 * else its Last-Modified date, else `undefined`.
 *
 * @example
 * validatorOf(res) // → { value: '"abc"', kind: 'etag' }
 */
export function validatorOf(res: IncomingMessage): Validator | undefined {
  const etag = res.headers.etag;
  if (etag !== undefined && !etag.startsWith('W/')) return { value: etag, kind: 'etag' };
  const lastModified = res.headers['last-modified'];
  return lastModified === undefined ? undefined : { value: lastModified, kind: 'last-modified' };
}

function isPartMeta(value: unknown): value is PartMeta {
  if (typeof value !== 'object' || value === null) return false;
  const meta = value as Record<string, unknown>;
  const validator = meta.validator as Record<string, unknown> | undefined;
  return (
    typeof meta.url === 'string' &&
    typeof meta.bytes === 'number' &&
    typeof validator === 'object' &&
    validator !== null &&
    typeof validator.value === 'string' &&
    (validator.kind === 'etag' || validator.kind === 'last-modified')
  );
}
