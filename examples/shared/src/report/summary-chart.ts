import type { RunRecord } from './collect-results';
import { BOOK_BASELINE_MAE, type Judgement } from './judge-run';

/** One experiment in the summary figure. */
export interface SummaryRow {
  label: string;
  runs: readonly RunRecord[];
  judgement: Judgement;
}

const OURS = '#d62728';
const BOOK = '#1f77b4';
const WIDTH = 860;
const LABEL = 250;
const ROW = 26;
const TOP = 70;

/**
 * The summary figure of RESULTS.md: one row per experiment, our best validation figure (a dot per
 * seed, a bar for the mean) next to the book's (a diamond, or a band where the book gives a range).
 * IMDB rows are validation accuracy; Jena rows are the validation MAE as a fraction of the
 * common-sense baseline measured on the same file (the book's: its figure / 0.29), so that the hourly
 * file and the book's 10-minute file compare.
 *
 * @param rows - the experiments, in table order.
 * @returns the SVG text.
 * @example
 * summaryChart(rows).startsWith('<svg'); // → true
 */
export function summaryChart(rows: readonly SummaryRow[]): string {
  const imdb = rows.filter((r) => r.runs[0].book?.metric === 'val_acc' && r.judgement.values.length);
  const jena = rows.filter(
    (r) =>
      r.runs[0].book?.metric === 'val_loss' &&
      r.judgement.baseline !== undefined &&
      r.judgement.values.length,
  );
  const parts: string[] = [];
  let y = TOP;
  parts.push(
    panel(
      'IMDB: best validation accuracy',
      imdb,
      y,
      [0.5, 1],
      5,
      (v) => v,
      (r) => bookAcc(r),
    ),
  );
  y += imdb.length * ROW + 90;
  parts.push(
    panel(
      'Jena: best validation MAE ÷ the baseline MAE on the same file (< 1 beats the baseline)',
      jena,
      y,
      [0.6, 1.8],
      6,
      (v, r) => v / (r.judgement.baseline as number),
      (r) => bookRatio(r),
      1,
    ),
  );
  y += jena.length * ROW + 70;
  const legend = [
    `<circle cx="${LABEL}" cy="${y}" r="4" fill="${OURS}"/><text x="${LABEL + 10}" y="${y + 4}">tensorseq (one dot per seed, bar: mean)</text>`,
    `<path d="M ${LABEL + 290} ${y - 6} l 6 6 l -6 6 l -6 -6 z" fill="${BOOK}"/><text x="${LABEL + 302}" y="${y + 4}">the book (band: the range its words give)</text>`,
  ].join('');
  const height = y + 24;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" font-family="sans-serif" font-size="12">`,
    '<title>Chapter 6 reproduced: tensorseq vs. the book</title>',
    `<rect width="${WIDTH}" height="${height}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="28" text-anchor="middle" font-size="17" font-weight="bold">Chapter 6 reproduced: tensorseq vs. Deep Learning with Python</text>`,
    ...parts,
    legend,
    '</svg>',
  ].join('\n');
}

type Scale = (value: number, row: SummaryRow) => number;

function panel(
  title: string,
  rows: readonly SummaryRow[],
  top: number,
  [low, high]: [number, number],
  ticks: number,
  scale: Scale,
  book: (row: SummaryRow) => number | [number, number] | undefined,
  reference?: number,
): string {
  const plotWidth = WIDTH - LABEL - 30;
  const x = (v: number) => LABEL + ((Math.min(high, Math.max(low, v)) - low) / (high - low)) * plotWidth;
  const bottom = top + rows.length * ROW;
  const out = [`<text x="${LABEL / 3}" y="${top - 16}" font-weight="bold">${escapeXml(title)}</text>`];
  for (let i = 0; i <= ticks; i++) {
    const v = low + ((high - low) * i) / ticks;
    out.push(
      `<line x1="${x(v)}" y1="${top - 6}" x2="${x(v)}" y2="${bottom}" stroke="#ddd"/>`,
      `<text x="${x(v)}" y="${bottom + 16}" text-anchor="middle">${v.toFixed(2)}</text>`,
    );
  }
  if (reference !== undefined) {
    out.push(
      `<line x1="${x(reference)}" y1="${top - 6}" x2="${x(reference)}" y2="${bottom}" stroke="#555" stroke-dasharray="4 3"/>`,
    );
  }
  rows.forEach((row, i) => {
    const cy = top + i * ROW + ROW / 2;
    out.push(`<text x="${LABEL - 8}" y="${cy + 4}" text-anchor="end">${escapeXml(row.label)}</text>`);
    const theirs = book(row);
    if (Array.isArray(theirs)) {
      out.push(
        `<rect x="${x(theirs[0])}" y="${cy - 7}" width="${Math.max(2, x(theirs[1]) - x(theirs[0]))}" height="14" fill="${BOOK}" opacity="0.25"/>`,
      );
    } else if (theirs !== undefined) {
      out.push(`<path d="M ${x(theirs)} ${cy - 7} l 7 7 l -7 7 l -7 -7 z" fill="${BOOK}"/>`);
    }
    const ours = row.judgement.values.map((v) => scale(v, row));
    const mean = scale(row.judgement.mean, row);
    out.push(
      `<line x1="${x(mean)}" y1="${cy - 9}" x2="${x(mean)}" y2="${cy + 9}" stroke="${OURS}" stroke-width="3"/>`,
    );
    for (const v of ours) out.push(`<circle cx="${x(v)}" cy="${cy}" r="4" fill="${OURS}" opacity="0.8"/>`);
  });
  return out.join('\n');
}

function bookAcc(row: SummaryRow): number | [number, number] | undefined {
  const b = row.runs[0].book;
  if (b?.range) return [b.range[0], b.range[1]];
  return b?.value;
}

/** The book's figure as a fraction of its baseline; "above/below the baseline" becomes a band. */
function bookRatio(row: SummaryRow): number | [number, number] | undefined {
  const b = row.runs[0].book;
  if (!b) return undefined;
  if (b.range) return [b.range[0] / BOOK_BASELINE_MAE, b.range[1] / BOOK_BASELINE_MAE];
  // The book only says "below" or "above" the baseline: the band is that whole side of the axis.
  if (b.relation === 'below-baseline') return [0.6, 1];
  if (b.relation === 'above-baseline') return [1, 1.8];
  return b.value === undefined ? undefined : b.value / BOOK_BASELINE_MAE;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
