import { DownloadError } from '../download-error';

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

/** The error for an entry that would land outside the extraction folder. */
export function unsafeEntry(owner: string, entry: string): DownloadError {
  return new DownloadError(
    `${owner}: every entry must stay inside destDir. Received: entry=${JSON.stringify(entry)}.`,
    'unsafe-entry',
  );
}
