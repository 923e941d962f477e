import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder downloads are cached in, like Keras' `~/.keras/datasets`: `$TENSORSEQ_CACHE` when set, else
 * `$XDG_CACHE_HOME/tensorseq`, else `~/.cache/tensorseq`.
 *
 * @returns an absolute or user-given path; it is created on first download, not here.
 * @example
 * defaultCacheDir() // → '/home/me/.cache/tensorseq'
 */
export function defaultCacheDir(): string {
  const explicit = process.env.TENSORSEQ_CACHE;
  if (explicit) return explicit;
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg) return join(xdg, 'tensorseq');
  return join(homedir(), '.cache', 'tensorseq');
}
