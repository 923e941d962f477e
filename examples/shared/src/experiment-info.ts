import type { BookFigure } from './book-figure';

/** What `pnpm exp list` and the usage text show about one experiment. */
export interface ExperimentInfo {
  /** The book's model, one line. */
  title: string;
  /** The book's section, e.g. `6.2.3`. */
  section?: string;
  /** What the book reports. */
  book?: BookFigure;
  /** The book's epoch count (absent for experiments that train nothing). */
  epochs?: number;
}

/**
 * One line per experiment: name, section, book figure and epochs, for usage texts and `pnpm exp list`.
 *
 * @param experiments - the example's experiments.
 * @param indent - prefix of each line. @defaultValue '  '
 * @returns the lines, columns aligned.
 * @example
 * formatExperimentList({ lstm: { title: 'LSTM(32)', section: '6.2.3', epochs: 10 } });
 * // → ['  lstm  6.2.3  LSTM(32) — 10 epochs']
 */
export function formatExperimentList(
  experiments: Readonly<Record<string, ExperimentInfo>>,
  indent = '  ',
): string[] {
  const names = Object.keys(experiments);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const sectionWidth = Math.max(...names.map((n) => (experiments[n].section ?? '').length)) + 2;
  return names.map((name) => {
    const e = experiments[name];
    const epochs = e.epochs ? ` — ${e.epochs} epochs` : '';
    const book = e.book ? `; book: ${e.book.metric} ${e.book.text}` : '';
    return `${indent}${name.padEnd(width)}${(e.section ?? '').padEnd(sectionWidth)}${e.title}${epochs}${book}`;
  });
}

/**
 * The listing entry of an IMDB or Jena experiment definition.
 *
 * @param experiment - anything with a title, and optionally a section, book figure and epoch count.
 * @param epochs - the epoch count when the definition does not carry one (IMDB: 10). @defaultValue the definition's
 * @returns `{ title, section, book, epochs }`.
 * @example
 * experimentInfo({ title: 'GRU(32)', section: '6.3.5', epochs: 20 }); // → { title: 'GRU(32)', section: '6.3.5', epochs: 20, book: undefined }
 */
export function experimentInfo(
  experiment: Pick<ExperimentInfo, 'title' | 'section' | 'book'> & {
    epochs?: number;
    sizes?: { epochs?: number };
  },
  epochs?: number,
): ExperimentInfo {
  return {
    title: experiment.title,
    section: experiment.section,
    book: experiment.book,
    epochs: experiment.sizes?.epochs ?? experiment.epochs ?? epochs,
  };
}
