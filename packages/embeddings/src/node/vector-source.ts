import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type DownloadOptions, download, type NodeByteSource, openZipEntry } from '@tensorseq/download/node';
import type { ByteReader } from '../byte-window';
import type { LoadVectorsOptions } from '../load-options';
import { isZipMember, openVectorSource, type ZipMemberSource } from '../vector-source';

/**
 * Where the `./node` readers read vectors from: everything the main entry takes, plus file paths and
 * `file:` URLs, and `https:` URLs downloaded into the cache once (checksum, resume), also as a zip.
 *
 * @example
 * await loadGlove('glove.6B.100d.txt');
 * await loadGlove({ zip: 'glove.6B.zip', member: 'glove.6B.100d.txt' });
 * await loadWord2Vec(createReadStream('vectors.bin'), { binary: true });
 */
export type NodeVectorSource = NodeByteSource | ZipMemberSource<NodeByteSource>;

/** Options of the `./node` readers: the main entry's, plus the download of `https:` sources. */
export interface NodeLoadVectorsOptions extends LoadVectorsOptions {
  /**
   * For `https:` sources: cache folder, expected sha256, download progress… passed to
   * `@tensorseq/download/node`'s `download()`.
   * @defaultValue the default cache, no checksum
   */
  download?: DownloadOptions;
}

/**
 * Opens a `./node` source: paths and URLs from disk (downloading `http(s):` URLs into the cache first),
 * anything else through the main entry.
 *
 * @example
 * const reader = await openNodeVectorSource('loadGlove', 'glove.6B.50d.txt', {});
 */
export async function openNodeVectorSource(
  owner: string,
  source: NodeVectorSource,
  downloadOptions: DownloadOptions = {},
): Promise<ByteReader> {
  if (typeof source === 'string' || source instanceof URL) {
    return openFile(await localPath(owner, source, downloadOptions));
  }
  if (isZipMember<NodeByteSource>(source)) {
    const zip =
      typeof source.zip === 'string' || source.zip instanceof URL
        ? await localPath(owner, source.zip, downloadOptions)
        : source.zip;
    return iterable(await openZipEntry(zip, source.member));
  }
  return openVectorSource(owner, source);
}

function iterable(stream: AsyncIterable<unknown>): Promise<ByteReader> {
  return openVectorSource('openVectorSource', stream as AsyncIterable<Uint8Array>);
}

/** A local path for a path or URL, downloading `http(s):` URLs into the cache. */
async function localPath(
  owner: string,
  source: string | URL,
  downloadOptions: DownloadOptions,
): Promise<string> {
  const url = source instanceof URL ? source : /^https?:\/\//i.test(source) ? new URL(source) : undefined;
  if (url === undefined) return source as string;
  if (url.protocol === 'file:') return fileURLToPath(url);
  if (url.protocol === 'https:' || url.protocol === 'http:') return download(url.href, downloadOptions);
  throw new TypeError(
    `${owner}: source must be a path, a URL, a { zip, member } or a stream. Received: source=${url.href}.`,
  );
}

async function openFile(path: string): Promise<ByteReader> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(target, offset, length) {
      const { bytesRead } = await handle.read(target, offset, length, null);
      return bytesRead;
    },
    close: () => handle.close(),
  };
}
