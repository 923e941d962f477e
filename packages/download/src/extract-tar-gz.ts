import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { intoDirAtomically } from './atomic-dir';
import { DownloadError } from './download-error';
import { DEFAULT_MAX_EXTRACT_BYTES, type ExtractOptions } from './extract-options';
import { asArchiveError, gunzipFile } from './read-tar-gz-entries';
import { assertLinkInside, assertLinkPlaceFree, assertNoLinkAbove, safeRelativePath } from './safe-path';
import { tarEntries } from './tar-entries';

/**
 * Extracts a `.tar.gz` into `destDir`, streaming (each file goes to disk chunk by chunk, so entry sizes
 * are bounded only by `maxBytes`), into a temporary sibling folder renamed onto `destDir`
 * at the end (so a failure leaves nothing). Entries that would escape `destDir` (absolute paths, `..`,
 * links pointing out) fail the whole extraction; links inside are created last, and never written through.
 * Devices and FIFOs are skipped.
 *
 * @param archive - path of the `.tar.gz`.
 * @param destDir - target folder; must not exist or be empty.
 * @param options - `maxBytes` (total cap) and `filter`.
 * @returns the relative paths of the extracted files, in archive order.
 * @throws {@link DownloadError} (`unsafe-entry`, `too-large`, `bad-archive`).
 * @example
 * await extractTarGz('aclImdb_v1.tar.gz', '/data/imdb') // → ['aclImdb/README', …]
 */
export async function extractTarGz(
  archive: string,
  destDir: string,
  options: ExtractOptions = {},
): Promise<string[]> {
  const owner = 'extractTarGz';
  const { maxBytes = DEFAULT_MAX_EXTRACT_BYTES, filter = () => true } = options;
  return intoDirAtomically(owner, destDir, async (temp) => {
    const files: string[] = [];
    const links: { rel: string; target: string; hard: boolean }[] = [];
    let total = 0;
    const stream = gunzipFile(archive);
    try {
      const select = (entry: { path: string }) => filter(safeRelativePath(owner, entry.path));
      const items = tarEntries(stream, {
        owner,
        archive,
        select,
        maxEntryBytes: maxBytes,
        streamContent: true,
      });
      for await (const { entry, body } of items) {
        const rel = safeRelativePath(owner, entry.path);
        if (rel === '') continue;
        if (entry.type === 'directory') {
          await mkdir(join(temp, rel), { recursive: true });
        } else if (entry.type === 'file' && body !== undefined) {
          // The header declares the size: refuse before writing a byte past the cap.
          total += entry.size;
          if (total > maxBytes) throw tooLarge(owner, maxBytes, archive);
          await assertNoLinkAbove(owner, temp, rel);
          await mkdir(dirname(join(temp, rel)), { recursive: true });
          const mode = (entry.mode & 0o777) | 0o600;
          await pipeline(Readable.from(body), createWriteStream(join(temp, rel), { mode }));
          files.push(rel);
        } else if (entry.type === 'symlink' || entry.type === 'hardlink') {
          // A hardlink's target is relative to the archive root, a symlink's to its own folder.
          const target = entry.type === 'hardlink' ? safeRelativePath(owner, entry.linkName) : entry.linkName;
          if (entry.type === 'symlink') assertLinkInside(owner, rel, target);
          links.push({ rel, target, hard: entry.type === 'hardlink' });
        }
      }
    } catch (error) {
      throw asArchiveError(owner, archive, error);
    } finally {
      stream.destroy();
    }
    for (const link of links) {
      await assertLinkPlaceFree(owner, temp, link.rel);
      await mkdir(dirname(join(temp, link.rel)), { recursive: true });
      if (link.hard) await copyFile(join(temp, link.target), join(temp, link.rel));
      else await symlink(link.target, join(temp, link.rel));
      files.push(link.rel);
    }
    return files;
  });
}

/** The error for an archive whose files add up to more than `maxBytes`. */
export function tooLarge(owner: string, maxBytes: number, archive: string): DownloadError {
  return new DownloadError(
    `${owner}: the extracted files must total at most maxBytes=${maxBytes} bytes. Received: more from ${archive}.`,
    'too-large',
  );
}
