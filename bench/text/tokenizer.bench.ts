/**
 * Keras Tokenizer throughput on all 50,000 labeled IMDB reviews: fitOnTexts + textsToSequences +
 * padSequences(maxlen 500) with numWords 10000, and textsToMatrix(tfidf) of 5,000 reviews.
 *
 * Run: TENSORSEQ_DATA=/path/to/data pnpm bench text        (reads $TENSORSEQ_DATA/aclImdb_labeled.tar.gz)
 *
 * Baseline: Python keras_preprocessing 1.1.2 on this machine (figures from issue 2; the package is
 * not installed here, so they are printed as reference rather than re-measured).
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FILTERS, padSequences, Tokenizer } from '@tensorseq/text-vectorize';
import { printTable, time, trackPeakRss, writeResults } from '../src/measure';
import { readImdbReviews } from './read-imdb-tar';

const PYTHON_FIT_SEQ_PAD_S = 9.5;
const PYTHON_TFIDF_5000_S = 2.7;
const archive = join(process.env.TENSORSEQ_DATA ?? '', 'aclImdb_labeled.tar.gz');

if (!existsSync(archive)) {
  console.log(`skipped: ${archive} not found`);
  process.exit(0);
}

/** Frees the previous run's arrays before timing (node runs the benches with --expose-gc). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Wall and CPU (user + system) seconds of one call: CPU time shows the work when the machine is shared. */
function timeOnce(fn: () => void): { wallS: number; cpuS: number } {
  collectGarbage();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const cpu = process.cpuUsage(cpu0);
  return { wallS: (performance.now() - t0) / 1000, cpuS: (cpu.user + cpu.system) / 1e6 };
}

const rss = trackPeakRss();
const texts = await readImdbReviews(archive);
const chars = texts.reduce((n, t) => n + t.length, 0);
console.log(`loaded ${texts.length} reviews (${(chars / 1e6).toFixed(1)} M chars)`);

// Calibration: one lower-case + character-class pass over the corpus, the floor of any tokenizer.
// The pipeline reads the corpus twice (fit, then sequences); comparing with this figure tells how
// much of a slow run is the machine (shared cores) rather than the code.
const separators = new Uint8Array(0x10000);
for (const c of `${DEFAULT_FILTERS} `) separators[c.charCodeAt(0)] = 1;
const calibration = timeOnce(() => {
  let count = 0;
  for (const text of texts) {
    const s = text.toLowerCase();
    for (let i = 0; i < s.length; i++) count += separators[s.charCodeAt(i)];
  }
  if (count === 0) throw new Error('calibration: no separators found');
});

let fitted = new Tokenizer({ numWords: 10000 });
const runPipeline = () => {
  const tokenizer = new Tokenizer({ numWords: 10000 });
  tokenizer.fitOnTexts(texts);
  padSequences(tokenizer.textsToSequences(texts), { maxlen: 500 });
  fitted = tokenizer;
};
runPipeline(); // warm-up
const pipelineRuns = [timeOnce(runPipeline), timeOnce(runPipeline), timeOnce(runPipeline)];
const pipeline = pipelineRuns.sort((a, b) => a.wallS - b.wallS)[1];

// Phase split of one extra run, for the table.
let phaseTokenizer = new Tokenizer({ numWords: 10000 });
let sequences: number[][] = [];
const fit = timeOnce(() => {
  phaseTokenizer = new Tokenizer({ numWords: 10000 });
  phaseTokenizer.fitOnTexts(texts);
});
const seq = timeOnce(() => {
  sequences = phaseTokenizer.textsToSequences(texts);
});
const pad = timeOnce(() => {
  padSequences(sequences, { maxlen: 500 });
});
sequences = [];

// float32, the dtype a model consumes: 5,000 × 10,000 is 200 MB (float64, NumPy's default, is 400 MB).
const sample = texts.slice(0, 5000);
collectGarbage();
const tfidf = await time(() => fitted.textsToMatrix(sample, 'tfidf', { dtype: 'float32' }), {
  warmup: 1,
  runs: 3,
});
const tfidfCpu = timeOnce(() => {
  fitted.textsToMatrix(sample, 'tfidf', { dtype: 'float32' });
});
const peakMiB = rss.stop();

const row = (task: string, count: number, t: { wallS: number; cpuS: number }, python?: number) => ({
  task,
  's (wall)': t.wallS,
  's (cpu)': t.cpuS,
  'reviews/s': Math.round(count / t.wallS),
  'Python s': python ?? '',
  speedup: python === undefined ? '' : python / t.wallS,
});
const rows = [
  row('fit + sequences + pad (50,000)', texts.length, pipeline, PYTHON_FIT_SEQ_PAD_S),
  row('  fitOnTexts', texts.length, fit),
  row('  textsToSequences', texts.length, seq),
  row('  padSequences', texts.length, pad),
  row('calibration: 1 character pass (50,000)', texts.length, calibration),
  row(
    'textsToMatrix tfidf float32 (5,000)',
    sample.length,
    { wallS: tfidf.medianMs / 1000, cpuS: tfidfCpu.cpuS },
    PYTHON_TFIDF_5000_S,
  ),
];
printTable(rows);
const load = loadavg().map((l) => l.toFixed(1));
console.log(
  `peak RSS: ${peakMiB.toFixed(0)} MiB (goal < 600); load average ${load.join(' ')} on this machine`,
);
console.log(
  `goals: fit+seq+pad < 2 s: ${pipeline.wallS < 2 ? 'met' : 'MISSED'}; ` +
    `tfidf(5,000) < 0.5 s: ${tfidf.medianMs < 500 ? 'met' : 'MISSED'}; ` +
    `peak RSS < 600 MiB: ${peakMiB < 600 ? 'met' : 'MISSED'}`,
);
writeResults('text-tokenizer', { rows, peakRssMiB: peakMiB, reviews: texts.length, chars, loadavg: load });
