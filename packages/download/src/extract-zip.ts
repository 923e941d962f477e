import { createWriteStream } from 'node:fs';
import { mkdir, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { intoDirAtomically } from './atomic-dir';
import { DEFAULT_MAX_EXTRACT_BYTES, type ExtractOptions } from './extract-options';
import { tooLarge } from './extract-tar-gz';
import { readZipDirectory } from './list-zip-entries';
import { openZipMember } from './open-zip-entry';
import { assertLinkInside, assertLinkPlaceFree, assertNoLinkAbove, safeRelativePath } from './safe-path';

/**
 * Extracts a zip into `destDir`, streaming each member through node:zlib, into a temporary sibling folder
 * renamed onto `destDir` at the end (a failure leaves nothing). Members that would escape `destDir` fail
 * the extraction; symlinks inside are created last. Declared sizes are enforced while inflating, so the
 * `maxBytes` cap holds against zip bombs.
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
  const directory = await readZipDirectory(owner, archive);
  const members = directory.entries
    .map((entry) => ({ entry, rel: safeRelativePath(owner, entry.name) }))
    .filter(({ rel }) => rel !== '' && filter(rel));
  const total = members.reduce((sum, { entry }) => sum + (entry.isDirectory ? 0 : entry.uncompressedSize), 0);
  if (total > maxBytes) throw tooLarge(owner, maxBytes, archive);
  return intoDirAtomically(owner, destDir, async (temp) => {
    const files: string[] = [];
    const links: { rel: string; target: string }[] = [];
    for (const { entry, rel } of members) {
      if (entry.isDirectory) {
        await mkdir(join(temp, rel), { recursive: true });
        continue;
      }
      const stream = await openZipMember(owner, archive, directory, entry);
      if (entry.isSymlink) {
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        const target = Buffer.concat(chunks).toString('utf8');
        assertLinkInside(owner, rel, target);
        links.push({ rel, target });
        continue;
      }
      await assertNoLinkAbove(owner, temp, rel);
      await mkdir(dirname(join(temp, rel)), { recursive: true });
      await pipeline(stream, createWriteStream(join(temp, rel)));
      files.push(rel);
    }
    for (const link of links) {
      await assertLinkPlaceFree(owner, temp, link.rel);
      await mkdir(dirname(join(temp, link.rel)), { recursive: true });
      await symlink(link.target, join(temp, link.rel));
      files.push(link.rel);
    }
    return files;
  });
}
