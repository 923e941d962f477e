const marker = Symbol.for('tensorseq.error');

/** What went wrong, for callers that branch on it rather than on the message. */
export type DownloadErrorCode =
  | 'bad-argument'
  | 'http-status'
  | 'network'
  | 'stalled'
  | 'truncated'
  | 'too-large'
  | 'too-many-redirects'
  | 'checksum'
  | 'bad-archive'
  | 'unsafe-entry';

/**
 * The error every function of `@tensorseq/download` throws for bad input, network trouble or hostile
 * archives. `retryable` marks failures a resumed attempt may fix (a dropped connection, a stall).
 *
 * @example
 * try { await download(url) } catch (e) { if (DownloadError.isInstance(e)) console.log(e.code) }
 */
export class DownloadError extends Error {
  /** Marker that survives two installed copies of this package (`instanceof` does not). */
  readonly [marker] = true;
  override readonly name = 'DownloadError';

  /**
   * @param message - the full message, `<Owner>: <arg> must be <expectation>. Received: <arg>=<value>.`
   * @param code - the kind of failure.
   * @param retryable - whether trying again (resuming) may succeed.
   */
  constructor(
    message: string,
    readonly code: DownloadErrorCode,
    readonly retryable = false,
  ) {
    super(message);
  }

  /** True for a `DownloadError` from any copy of this package. */
  static isInstance(error: unknown): error is DownloadError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
