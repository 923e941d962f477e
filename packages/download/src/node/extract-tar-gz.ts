import { DownloadError } from '../download-error';
import { tarEntries } from '../tar-entries';
import { intoDirAtomically } from './atomic-dir';
import { DEFAULT_MAX_EXTRACT_BYTES, type ExtractOptions } from './extract-options';
import { ExtractedTree, refusedSymlink } from './extracted-tree';
import { asArchiveError, gunzipFile } from './gunzip-file';
import { safeRelativePath } from './safe-path';

/**
 * Extracts a `.tar.gz` into `destDir`, streaming (each file goes to disk chunk by chunk, so entry sizes
 * are bounded only by `maxBytes`), into a temporary sibling folder renamed onto `destDir`
 * at the end (so a failure leaves nothing). Entries that would escape `destDir` (absolute paths, `..`)
 * fail the whole extraction. Links follow one policy for tar and zip: symbolic links are refused, and a
 * hardlink becomes a copy of a regular file extracted before it from the same archive (a hardlink to a
 * folder, to nothing, or to a name outside is an error). Devices and FIFOs are skipped.
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
    const tree = new ExtractedTree(owner, temp, archive);
    let total = 0;
    const stream = gunzipFile(archive);
    try {
      const items = tarEntries(stream, { owner, archive, maxEntryBytes: maxBytes, streamContent: true });
      for await (const { entry, body } of items) {
        const rel = safeRelativePath(owner, entry.path);
        if (rel === '') continue;
        if (!filter(rel)) {
          if (entry.type === 'file') tree.skip(rel);
          continue;
        }
        if (entry.type === 'directory') {
          await tree.mkdir(rel);
        } else if (entry.type === 'file' && body !== undefined) {
          // The header declares the size: refuse before writing a byte past the cap.
          total += entry.size;
          if (total > maxBytes) throw tooLarge(owner, maxBytes, archive);
          await tree.writeFile(rel, body, entry.size, entry.mode);
          files.push(rel);
        } else if (entry.type === 'symlink') {
          throw refusedSymlink(owner, rel, entry.linkName, archive);
        } else if (entry.type === 'hardlink') {
          // A hardlink's target is relative to the archive root.
          const target = safeRelativePath(owner, entry.linkName);
          total += tree.hardlinkSize(rel, target);
          if (total > maxBytes) throw tooLarge(owner, maxBytes, archive);
          await tree.copy(rel, target);
          files.push(rel);
        }
      }
    } catch (error) {
      throw asArchiveError(owner, archive, error);
    } finally {
      stream.destroy();
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
