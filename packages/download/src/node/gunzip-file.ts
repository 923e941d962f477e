import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';
import { DownloadError } from '../download-error';

/** A gunzip stream of a file; a read error (missing file) surfaces as an error of the returned stream. */
export function gunzipFile(archive: string): Gunzip {
  const gunzip = createGunzip({ chunkSize: 1 << 18 });
  pipeline(createReadStream(archive, { highWaterMark: 1 << 20 }), gunzip, () => {});
  return gunzip;
}

/** Turns fs / zlib errors into a `DownloadError` that names the archive. */
export function asArchiveError(owner: string, archive: string, error: unknown): unknown {
  if (DownloadError.isInstance(error) || !(error instanceof Error)) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
    return new DownloadError(
      `${owner}: archive must be a readable file. Received: archive=${archive} (${code}).`,
      'bad-argument',
    );
  }
  // Errors thrown by the caller's callback are theirs: pass them through untouched.
  if (!code.startsWith('Z_')) return error;
  return new DownloadError(
    `${owner}: archive must be a valid gzip stream. Received: ${error.message} in ${archive}.`,
    'bad-archive',
  );
}
