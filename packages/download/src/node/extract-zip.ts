import { intoDirAtomically } from './atomic-dir';
import { DEFAULT_MAX_EXTRACT_BYTES, type ExtractOptions } from './extract-options';
import { tooLarge } from './extract-tar-gz';
import { ExtractedTree, refusedSymlink } from './extracted-tree';
import { safeRelativePath } from './safe-path';
import { openZipFileMember, zipFileDirectory } from './zip-file';

/**
 * Extracts a zip into `destDir`, streaming each member through node:zlib, into a temporary sibling folder
 * renamed onto `destDir` at the end (a failure leaves nothing). Members that would escape `destDir` fail
 * the extraction, and so do symbolic links (the link policy of {@link extractTarGz}). Declared sizes are
 * enforced while inflating, so the `maxBytes` cap holds against zip bombs.
 *
 * @param archive - path of the `.zip`.
 * @param destDir - target folder; must not exist or be empty.
 * @param options - `maxBytes` (total cap) and `filter`.
 * @returns the relative paths of the extracted files, in directory order.
 * @throws {@link DownloadError} (`unsafe-entry`, `too-large`, `bad-archive`).
 * @example
 * await extractZip('glove.6B.zip', '/data/glove', { filter: (p) => p === 'glove.6B.100d.txt' })
 */
export async function extractZip(
  archive: string,
  destDir: string,
  options: ExtractOptions = {},
): Promise<string[]> {
  const owner = 'extractZip';
  const { maxBytes = DEFAULT_MAX_EXTRACT_BYTES, filter = () => true } = options;
  const directory = await zipFileDirectory(owner, archive);
  const members = directory.entries
    .map((entry) => ({ entry, rel: safeRelativePath(owner, entry.name) }))
    .filter(({ rel }) => rel !== '' && filter(rel));
  const total = members.reduce((sum, { entry }) => sum + (entry.isDirectory ? 0 : entry.uncompressedSize), 0);
  if (total > maxBytes) throw tooLarge(owner, maxBytes, archive);
  return intoDirAtomically(owner, destDir, async (temp) => {
    const files: string[] = [];
    const tree = new ExtractedTree(owner, temp, archive);
    for (const { entry, rel } of members) {
      if (entry.isDirectory) {
        await tree.mkdir(rel);
        continue;
      }
      if (entry.isSymlink) {
        // A link's target is a short path; read it (size-checked) only to name it in the error.
        let target = '…';
        if (entry.uncompressedSize <= 4096) {
          const chunks: Buffer[] = [];
          for await (const chunk of await openZipFileMember(owner, archive, directory, entry))
            chunks.push(chunk as Buffer);
          target = Buffer.concat(chunks).toString('utf8');
        }
        throw refusedSymlink(owner, rel, target, archive);
      }
      const stream = await openZipFileMember(owner, archive, directory, entry);
      await tree.writeFile(rel, stream, entry.uncompressedSize, entry.mode || 0o644);
      files.push(rel);
    }
    return files;
  });
}
