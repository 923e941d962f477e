import type { DownloadError } from './download-error';

/**
 * Decompresses chunks with the platform's `DecompressionStream` (browsers, Deno, Node ≥ 20), streaming:
 * the output is pulled by the caller, so memory stays bounded by one chunk on each side. An error of the
 * compressed data becomes `bad(reason)`; an error of the source itself passes through untouched.
 *
 * @param chunks - the compressed bytes, in order.
 * @param format - `gzip` (a .gz / .tar.gz) or `deflate-raw` (a zip member).
 * @param bad - builds the error for corrupt or truncated data.
 * @example
 * for await (const chunk of inflateChunks(byteChunks(gz, 'x'), 'gzip', (r) => new DownloadError(r, 'bad-archive'))) {}
 */
export async function* inflateChunks(
  chunks: AsyncIterable<Uint8Array>,
  format: 'gzip' | 'deflate-raw',
  bad: (reason: string) => DownloadError,
): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream(format);
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const source: { error?: unknown } = {};
  const pump = async () => {
    const input = chunks[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await input.next();
      } catch (error) {
        source.error = error;
        await writer.abort(error);
        return;
      }
      if (next.done) break;
      await writer.write(next.value);
    }
    await writer.close();
  };
  // Write errors are the decompressor's own: the reader below sees them too.
  pump().catch(() => undefined);
  try {
    for (;;) {
      let result: Awaited<ReturnType<typeof reader.read>>;
      try {
        result = await reader.read();
      } catch (error) {
        if (source.error !== undefined) throw source.error;
        throw bad(error instanceof Error ? error.message : String(error));
      }
      if (result.done) return;
      yield result.value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
