/**
 * Why a full-scale result differs from the book's, by `<example> <experiment>`: written after reading
 * the runs, and shown in RESULTS.md's notes.
 *
 * @example
 * KNOWN_REASONS['jena-forecast gru']; // → a sentence, or undefined
 */
export const KNOWN_REASONS: Readonly<Record<string, string>> = {};
