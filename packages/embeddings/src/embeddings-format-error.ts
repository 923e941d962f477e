/** Where in the input a format problem was found: a 1-based line (text formats) and/or a byte offset. */
export interface FormatErrorLocation {
  /** 1-based line number, for text formats. */
  line?: number;
  /** 0-based byte offset from the start of the input. */
  offset?: number;
}

const MARKER = Symbol.for('tensorseq.error');

/**
 * Thrown when a vectors file is malformed: wrong dimension, non-numeric component, truncated input,
 * impossible header, oversized word. The message and the `line` / `offset` fields say where.
 *
 * @example
 * try {
 *   await loadGlove('broken.txt');
 * } catch (error) {
 *   if (EmbeddingsFormatError.isInstance(error)) console.log(error.line); // → 12
 * }
 */
export class EmbeddingsFormatError extends Error {
  /** 1-based line number of the problem (text formats). */
  readonly line: number | undefined;
  /** 0-based byte offset of the problem. */
  readonly offset: number | undefined;
  /** Stable machine-readable code. */
  readonly code = 'EMBEDDINGS_FORMAT';

  constructor(message: string, location: FormatErrorLocation = {}) {
    super(message);
    this.name = 'EmbeddingsFormatError';
    this.line = location.line;
    this.offset = location.offset;
    // A symbol marker, not instanceof: two installed copies of the package must recognise each other.
    Object.defineProperty(this, MARKER, { value: true });
  }

  /** True for an EmbeddingsFormatError, even one from another copy of this package. */
  static isInstance(error: unknown): error is EmbeddingsFormatError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[MARKER] === true &&
      (error as { name?: unknown }).name === 'EmbeddingsFormatError'
    );
  }
}
