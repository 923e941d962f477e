import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DownloadError } from '../download-error';

/**
 * Runs `fill(tempDir)` on a fresh sibling folder of `destDir`, then renames it onto `destDir` (which must
 * not exist or be empty). On any failure the temp folder is removed: nothing half-written remains.
 *
 * @example
 * await intoDirAtomically('extractZip', '/data/out', async (tmp) => writeFile(join(tmp, 'a'), 'x'));
 */
export async function intoDirAtomically<T>(
  owner: string,
  destDir: string,
  fill: (tempDir: string) => Promise<T>,
): Promise<T> {
  const existing = await readdir(destDir).catch(() => undefined);
  if (existing !== undefined && existing.length > 0) throw notEmpty(owner, destDir);
  await mkdir(dirname(destDir), { recursive: true });
  const temp = await mkdtemp(join(dirname(destDir), `.${basename(destDir)}.tmp-`));
  try {
    const result = await fill(temp);
    if (existing !== undefined) await rm(destDir, { recursive: true, force: true });
    await rename(temp, destDir).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOTEMPTY' || error.code === 'EEXIST' ? notEmpty(owner, destDir) : error;
    });
    return result;
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

function notEmpty(owner: string, destDir: string): DownloadError {
  return new DownloadError(
    `${owner}: destDir must not exist or be empty. Received: destDir=${destDir}.`,
    'bad-argument',
  );
}
