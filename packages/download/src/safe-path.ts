import { lstat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { DownloadError } from './download-error';

/**
 * Normalizes an archive entry name into a relative POSIX path that stays inside the extraction folder.
 *
 * @param owner - the calling function, for the error message.
 * @param entryPath - the name stored in the archive.
 * @returns the cleaned path ('' for the archive root, e.g. `./`).
 * @throws {@link DownloadError} (`unsafe-entry`) for absolute paths, drive letters, NUL bytes or `..`.
 * @example
 * safeRelativePath('extractTarGz', './aclImdb/README') // → 'aclImdb/README'
 */
export function safeRelativePath(owner: string, entryPath: string): string {
  const unsafe =
    entryPath.includes('\0') ||
    entryPath.startsWith('/') ||
    entryPath.startsWith('\\') ||
    /^[A-Za-z]:/.test(entryPath) ||
    entryPath.split(/[/\\]/).includes('..');
  if (unsafe) throw unsafeEntry(owner, entryPath);
  return entryPath
    .split(/[/\\]/)
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

/**
 * Checks that a link stored at `linkPath` (relative, already safe) with target `target` points inside the
 * extraction folder, judged lexically.
 *
 * @throws {@link DownloadError} (`unsafe-entry`) when the target is absolute or climbs out.
 * @example
 * assertLinkInside('extractTarGz', 'a/b', '../c') // ok: a/c
 */
export function assertLinkInside(owner: string, linkPath: string, target: string): void {
  const resolved = posix.normalize(posix.join(posix.dirname(linkPath), target.replace(/\\/g, '/')));
  const escapes =
    target.startsWith('/') || /^[A-Za-z]:/.test(target) || resolved === '..' || resolved.startsWith('../');
  if (escapes || target.includes('\0')) throw unsafeEntry(owner, `${linkPath} -> ${target}`);
}

/**
 * Refuses to create `rel` below an existing symbolic link, so that no write goes through a link.
 *
 * @example
 * await assertNoLinkAbove('extractTarGz', '/tmp/x', 'a/b/c')
 */
export async function assertNoLinkAbove(owner: string, root: string, rel: string): Promise<void> {
  const parts = rel.split('/');
  for (let i = 1; i < parts.length; i++) {
    const info = await lstat(join(root, ...parts.slice(0, i))).catch(() => undefined);
    if (info?.isSymbolicLink()) throw unsafeEntry(owner, rel);
  }
}

/** The error for an entry that would land outside the extraction folder. */
export function unsafeEntry(owner: string, entry: string): DownloadError {
  return new DownloadError(
    `${owner}: every entry must stay inside destDir. Received: entry=${JSON.stringify(entry)}.`,
    'unsafe-entry',
  );
}

/**
 * Checks a deferred link can be created: nothing extracted sits at its path, and no link above it.
 *
 * @example
 * await assertLinkPlaceFree('extractTarGz', '/tmp/x', 'a/link')
 */
export async function assertLinkPlaceFree(owner: string, root: string, rel: string): Promise<void> {
  await assertNoLinkAbove(owner, root, rel);
  const taken = await lstat(join(root, rel)).then(
    () => true,
    () => false,
  );
  if (taken) throw unsafeEntry(owner, rel);
}
