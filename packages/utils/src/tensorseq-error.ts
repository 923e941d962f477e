const MARKER = Symbol.for('tensorseq.error');

/** Options of {@link TensorseqError}. */
export interface TensorseqErrorOptions {
  /** A stable, machine-readable code, e.g. `'ERR_MODEL_FORMAT'`. */
  code: string;
  /** The error that caused this one. */
  cause?: unknown;
}

/**
 * The base of tensorseq's own errors: a message in the project's pattern plus a machine-readable `code`.
 * {@link TensorseqError.isInstance} recognises one through a `Symbol.for('tensorseq.error')` marker, so it
 * still works when npm installs two copies of a package (where `instanceof` fails).
 *
 * @example
 * const err = new TensorseqError('loadModel: model.json is not JSON.', { code: 'ERR_MODEL_FORMAT' });
 * TensorseqError.isInstance(err) // → true
 * err.code // → 'ERR_MODEL_FORMAT'
 */
export class TensorseqError extends Error {
  /** A stable, machine-readable code. */
  readonly code: string;
  /** The cross-copy marker that {@link TensorseqError.isInstance} looks for. */
  readonly [MARKER] = true;

  constructor(message: string, options: TensorseqErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TensorseqError';
    this.code = options.code;
  }

  /**
   * Whether `value` is a TensorseqError from any copy of any tensorseq package.
   *
   * @example
   * TensorseqError.isInstance(new Error('x')) // → false
   */
  static isInstance(value: unknown): value is TensorseqError {
    return (
      typeof value === 'object' &&
      value !== null &&
      MARKER in value &&
      (value as Record<symbol, unknown>)[MARKER] === true
    );
  }
}
