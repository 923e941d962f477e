/** What went wrong, for code that branches on it. */
export type KerasIoErrorCode =
  | 'bad-source'
  | 'bad-file'
  | 'unsupported'
  | 'not-a-chain'
  | 'weight-mismatch'
  | 'too-large'
  | 'bad-model';

const MARKER = Symbol.for('tensorseq.error');

/**
 * The error every `@tensorseq/keras-io` function throws for a file or argument it cannot accept; `code`
 * says why (`unsupported` names the layer or option and the file's Keras version).
 *
 * @example
 * try { await loadKerasModel(bytes); } catch (e) { if (KerasIoError.isInstance(e)) console.log(e.code); }
 */
export class KerasIoError extends Error {
  readonly code: KerasIoErrorCode;
  readonly [MARKER] = true;

  constructor(code: KerasIoErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KerasIoError';
    this.code = code;
  }

  /** True for a KerasIoError, also one from another copy of the package. */
  static isInstance(value: unknown): value is KerasIoError {
    return typeof value === 'object' && value !== null && (value as { [MARKER]?: boolean })[MARKER] === true;
  }
}
