import { constants } from 'node:fs';
import { copyFile, mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DownloadError } from '../download-error';

/** Write flags that never follow a link at the final path component (`O_NOFOLLOW` where the OS has it). */
const WRITE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0);

/**
 * The folder an extraction writes into, with a record of what each path is. It enforces the link policy
 * of `@tensorseq/download`: no symbolic link is ever created (so no write can go through one), and a tar
 * hardlink becomes a copy of a regular file this same extraction wrote before it. Every clash (a file
 * where a folder was, a path below a file, a hardlink to a folder or to nothing) is a `bad-archive` error
 * raised before touching the disk, never a raw ENOENT/EISDIR/ENOTDIR.
 *
 * @example
 * const tree = new ExtractedTree('extractTarGz', '/tmp/.out.tmp-x', 'a.tar.gz');
 * await tree.writeFile('a/b.txt', stream, 5, 0o644);
 * await tree.copy('a/c.txt', 'a/b.txt'); // a copy of a/b.txt
 */
export class ExtractedTree {
  private readonly kinds = new Map<string, 'file' | 'dir'>();
  private readonly sizes = new Map<string, number>();
  private readonly skipped = new Set<string>();

  /**
   * @param owner - the calling function, for error messages.
   * @param root - the private, freshly made folder to fill.
   * @param archive - the archive, for error messages.
   */
  constructor(
    private readonly owner: string,
    private readonly root: string,
    private readonly archive: string,
  ) {}

  /** Creates a folder (and its parents). */
  async mkdir(rel: string): Promise<void> {
    this.claim(rel, 'dir');
    await mkdir(join(this.root, rel), { recursive: true });
  }

  /** Streams `body` (of `size` bytes) into a regular file at `rel`, replacing an earlier file of that name. */
  async writeFile(
    rel: string,
    body: Readable | AsyncIterable<Uint8Array>,
    size: number,
    mode = 0o644,
  ): Promise<void> {
    this.claim(rel, 'file');
    this.sizes.set(rel, size);
    await mkdir(dirname(join(this.root, rel)), { recursive: true });
    const file = await open(join(this.root, rel), WRITE_NEW, (mode & 0o777) | 0o600);
    await pipeline(body, file.createWriteStream());
  }

  /** Records a regular file the caller's filter left out, so a hardlink to it gets a helpful error. */
  skip(rel: string): void {
    this.skipped.add(rel);
  }

  /**
   * Checks a tar hardlink `rel` → `target` (both relative to the archive root) can be materialised and
   * returns the bytes its copy will take, so the caller can apply its size cap before {@link copy}.
   */
  hardlinkSize(rel: string, target: string): number {
    const kind = this.kinds.get(target);
    if (kind === 'file') return this.sizes.get(target) ?? 0;
    const filtered = kind === undefined && this.skipped.has(target);
    const why =
      kind === 'dir'
        ? 'a folder'
        : filtered
          ? 'left out by filter'
          : 'no regular file of that name earlier in the archive';
    throw new DownloadError(
      `${this.owner}: every hardlink must point to a regular file extracted before it. Received: entry=${JSON.stringify(rel)} -> ${JSON.stringify(target)} (${why}) in ${this.archive}.${filtered ? ` To fix this, let filter keep ${JSON.stringify(target)} too.` : ''}`,
      filtered ? 'bad-argument' : 'bad-archive',
    );
  }

  /** Materialises a hardlink checked by {@link hardlinkSize} as a copy of its target. */
  async copy(rel: string, target: string): Promise<void> {
    const size = this.hardlinkSize(rel, target);
    if (rel === target) return;
    this.claim(rel, 'file');
    this.sizes.set(rel, size);
    await mkdir(dirname(join(this.root, rel)), { recursive: true });
    // The source is a regular file this extraction wrote and the tree holds no links, so the copy reads
    // nothing outside the tree; the destination may be an earlier file of the same name, replaced.
    await copyFile(join(this.root, target), join(this.root, rel));
  }

  /** Checks `rel` can become a `kind` (no file above it, no clash with what is already there). */
  private claim(rel: string, kind: 'file' | 'dir'): void {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const above = parts.slice(0, i).join('/');
      const seen = this.kinds.get(above);
      if (seen === 'file') throw this.clash(rel, `below the file ${JSON.stringify(above)}`);
      if (seen === undefined) this.kinds.set(above, 'dir');
    }
    const seen = this.kinds.get(rel);
    if (seen !== undefined && seen !== kind) {
      throw this.clash(
        rel,
        `a ${kind === 'dir' ? 'folder' : 'file'} where the archive already put a ${seen === 'dir' ? 'folder' : 'file'}`,
      );
    }
    this.kinds.set(rel, kind);
  }

  private clash(rel: string, what: string): DownloadError {
    return new DownloadError(
      `${this.owner}: every entry must fit the tree the earlier entries made. Received: entry=${JSON.stringify(rel)}, ${what}, in ${this.archive}.`,
      'bad-archive',
    );
  }
}

/**
 * The error for a symbolic link entry: data archives are extracted without links (see the README's
 * "Links" section).
 *
 * @example
 * throw refusedSymlink('extractZip', 'a/l', '../b', 'x.zip')
 */
export function refusedSymlink(owner: string, rel: string, target: string, archive: string): DownloadError {
  return new DownloadError(
    `${owner}: every entry must be a file or a folder (symbolic links are refused). Received: entry=${JSON.stringify(rel)} -> ${JSON.stringify(target)} in ${archive}. To fix this, leave it out with the filter option.`,
    'unsafe-entry',
  );
}
