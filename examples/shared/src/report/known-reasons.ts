/**
 * Why a full-scale result differs from the book's, by `<example> <experiment>`: written after reading
 * the runs, and shown in RESULTS.md's notes.
 *
 * @example
 * KNOWN_REASONS['jena-forecast gru']; // → a sentence, or undefined
 */
export const KNOWN_REASONS: Readonly<Record<string, string>> = {
  'imdb-glove imdb-glove':
    'likely reason for the gap: only the first 2,717 lines of glove.6B.100d.txt are available offline here, so 2,331 of the 9,999 kept words get a pretrained vector (the full file would cover nearly all of them); with 200 training reviews the frozen vectors are all the model knows about most words. The model without GloVe lands where the book says ("low 50s")',
};
