/**
 * Keras Tokenizer throughput on all 50,000 labeled IMDB reviews: fitOnTexts + textsToSequences +
 * padSequences(maxlen 500) with numWords 10000, and textsToMatrix(tfidf) of 5,000 reviews.
 *
 * Run: pnpm bench text        (reads ../shared/data/aclImdb_labeled.tar.gz)
 *
 * Baseline: Python keras_preprocessing 1.1.2 on this machine (figures from issue 2; the package is
 * not installed here, so they are printed as reference rather than re-measured).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { padSequences, Tokenizer } from '@tensorseq/text-vectorize';
import { printTable, time, trackPeakRss, writeResults } from '../src/measure';
import { readImdbReviews } from './read-imdb-tar';

const PYTHON_FIT_SEQ_PAD_S = 9.5;
const PYTHON_TFIDF_5000_S = 2.7;
const here = dirname(fileURLToPath(import.meta.url));
const archive = join(here, '..', '..', '..', 'shared', 'data', 'aclImdb_labeled.tar.gz');

if (!existsSync(archive)) {
  console.log(`skipped: ${archive} not found`);
  process.exit(0);
}

const rss = trackPeakRss();
const texts = await readImdbReviews(archive);
const chars = texts.reduce((n, t) => n + t.length, 0);
console.log(`loaded ${texts.length} reviews (${(chars / 1e6).toFixed(1)} M chars)`);

let fitted = new Tokenizer({ numWords: 10000 });
const pipeline = await time(
  () => {
    const tokenizer = new Tokenizer({ numWords: 10000 });
    tokenizer.fitOnTexts(texts);
    padSequences(tokenizer.textsToSequences(texts), { maxlen: 500 });
    fitted = tokenizer;
  },
  { warmup: 1, runs: 3 },
);
// Phase split of one extra run, for the table.
const t0 = performance.now();
const phase = new Tokenizer({ numWords: 10000 });
phase.fitOnTexts(texts);
const t1 = performance.now();
const sequences = phase.textsToSequences(texts);
const t2 = performance.now();
padSequences(sequences, { maxlen: 500 });
const t3 = performance.now();

const sample = texts.slice(0, 5000);
const tfidf = await time(() => fitted.textsToMatrix(sample, 'tfidf', { dtype: 'float32' }), {
  warmup: 1,
  runs: 3,
});
const tfidf64 = await time(() => fitted.textsToMatrix(sample, 'tfidf'), { warmup: 0, runs: 1 });
const peakMiB = rss.stop();

const rows = [
  {
    task: 'fit + sequences + pad (50,000)',
    'median s': pipeline.medianMs / 1000,
    'reviews/s': Math.round(texts.length / (pipeline.medianMs / 1000)),
    'Python s': PYTHON_FIT_SEQ_PAD_S,
    speedup: PYTHON_FIT_SEQ_PAD_S / (pipeline.medianMs / 1000),
  },
  {
    task: '  fitOnTexts',
    'median s': (t1 - t0) / 1000,
    'reviews/s': Math.round(texts.length / ((t1 - t0) / 1000)),
    'Python s': '',
    speedup: '',
  },
  {
    task: '  textsToSequences',
    'median s': (t2 - t1) / 1000,
    'reviews/s': Math.round(texts.length / ((t2 - t1) / 1000)),
    'Python s': '',
    speedup: '',
  },
  {
    task: '  padSequences',
    'median s': (t3 - t2) / 1000,
    'reviews/s': Math.round(texts.length / ((t3 - t2) / 1000)),
    'Python s': '',
    speedup: '',
  },
  {
    task: 'textsToMatrix tfidf float32 (5,000)',
    'median s': tfidf.medianMs / 1000,
    'reviews/s': Math.round(sample.length / (tfidf.medianMs / 1000)),
    'Python s': PYTHON_TFIDF_5000_S,
    speedup: PYTHON_TFIDF_5000_S / (tfidf.medianMs / 1000),
  },
  {
    task: 'textsToMatrix tfidf float64 (5,000)',
    'median s': tfidf64.medianMs / 1000,
    'reviews/s': Math.round(sample.length / (tfidf64.medianMs / 1000)),
    'Python s': PYTHON_TFIDF_5000_S,
    speedup: PYTHON_TFIDF_5000_S / (tfidf64.medianMs / 1000),
  },
];
printTable(rows);
console.log(`peak RSS: ${peakMiB.toFixed(0)} MiB (goal < 600)`);
console.log(
  `goals: fit+seq+pad < 2 s: ${pipeline.medianMs < 2000 ? 'met' : 'MISSED'}; ` +
    `tfidf(5,000) < 0.5 s: ${tfidf.medianMs < 500 ? 'met' : 'MISSED'}; ` +
    `peak RSS < 600 MiB: ${peakMiB < 600 ? 'met' : 'MISSED'}`,
);
writeResults('text-tokenizer', { rows, peakRssMiB: peakMiB, reviews: texts.length, chars });
