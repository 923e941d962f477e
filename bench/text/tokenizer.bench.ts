/**
 * Keras Tokenizer throughput on all 50,000 labeled IMDB reviews: fitOnTexts + textsToSequences +
 * padSequences(maxlen 500) with numWords 10000 (also in one step, textsToPaddedSequences), and
 * textsToMatrix(tfidf) of 5,000 reviews, against Python's keras_preprocessing measured live in the
 * same run on the same strings.
 *
 *   TENSORSEQ_DATA=/path/to/data pnpm bench text     # reads $TENSORSEQ_DATA/aclImdb_labeled.tar.gz
 *   BENCH_PYTHON_RUNS=1 pnpm bench text              # Python runs per task (median; default 3)
 *   BENCH_PYTHON=0 pnpm bench text                   # no Python peer
 *
 * The peer is Debian's python3-keras-preprocessing (`apt-get install -y python3-keras-preprocessing`),
 * run by /usr/bin/python3 with bench/text/keras_tokenizer.py. Speed-ups are Python wall / tensorseq wall
 * from this run; CPU times and the machine's load average are printed next to them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FILTERS, padSequences, Tokenizer } from '@tensorseq/text-vectorize';
import { benchDataFile, loadCaption, printTable, time, trackPeakRss, writeResults } from '../src/measure';
import { peerEnv } from '../src/peer-env';
import { readImdbReviews } from './read-imdb-tar';

const here = dirname(fileURLToPath(import.meta.url));
const data = benchDataFile('aclImdb_labeled.tar.gz');
if ('skip' in data) {
  console.log(data.skip);
  process.exit(0);
}
const archive = data.path;

interface PythonTiming {
  wallS: number;
  cpuS: number;
}

/** keras_preprocessing on the same texts, in a child process; a reason string when it cannot run. */
function pythonPeer(
  texts: string[],
): { version: string; pipeline: PythonTiming; tfidf5000: PythonTiming } | string {
  if (process.env.BENCH_PYTHON === '0') return 'skipped: BENCH_PYTHON=0';
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import keras_preprocessing'], { encoding: 'utf8' });
  if (probe.status !== 0)
    return 'skipped: keras_preprocessing is not installed for /usr/bin/python3 (apt-get install -y python3-keras-preprocessing)';
  const dir = mkdtempSync(join(tmpdir(), 'tensorseq-bench-'));
  try {
    const file = join(dir, 'reviews.json');
    writeFileSync(file, JSON.stringify(texts));
    // Python's own time swings by half from one process to the next (9–15 s CPU for the same work):
    // the median of three runs.
    const runs = process.env.BENCH_PYTHON_RUNS ?? '3';
    const r = spawnSync('/usr/bin/python3', [join(here, 'keras_tokenizer.py'), file, runs], {
      encoding: 'utf8',
      env: peerEnv(),
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) return `skipped: keras_tokenizer.py failed with status ${r.status}`;
    return JSON.parse(r.stdout.trim().split('\n').pop() as string);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
// The same work in one step: the fit's token ids go straight into the padded array.
const runFused = () => {
  const tokenizer = new Tokenizer({ numWords: 10000 });
  tokenizer.fitOnTexts(texts);
  tokenizer.textsToPaddedSequences(texts, { maxlen: 500 });
};
runPipeline(); // warm-up
runFused();
// Interleaved, so that both see the same load.
const pipelineRuns: { wallS: number; cpuS: number }[] = [];
const fusedRuns: { wallS: number; cpuS: number }[] = [];
for (let run = 0; run < 3; run++) {
  pipelineRuns.push(timeOnce(runPipeline));
  fusedRuns.push(timeOnce(runFused));
}
const pipeline = pipelineRuns.sort((a, b) => a.wallS - b.wallS)[1];
const fused = fusedRuns.sort((a, b) => a.wallS - b.wallS)[1];

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
const peakMiB = rss.stop();
{
  // Not timed, and after the peak RSS: the one-step result must be the two-step one.
  const check = new Tokenizer({ numWords: 10000 });
  check.fitOnTexts(texts);
  const oneStep = check.textsToPaddedSequences(texts, { maxlen: 500 }).data;
  const twoStep = padSequences(fitted.textsToSequences(texts), { maxlen: 500 }).data;
  if (oneStep.length !== twoStep.length || oneStep.some((v, i) => v !== twoStep[i])) {
    throw new Error('textsToPaddedSequences differs from padSequences(textsToSequences)');
  }
}

// The Python peer last, so it does not compete with the timings above.
const python = pythonPeer(texts);
const py = typeof python === 'string' ? undefined : python;
const row = (task: string, count: number, t: { wallS: number; cpuS: number }, peer?: PythonTiming) => ({
  task,
  's (wall)': t.wallS,
  's (cpu)': t.cpuS,
  'reviews/s': Math.round(count / t.wallS),
  'Python s (wall)': peer?.wallS ?? '',
  'Python s (cpu)': peer?.cpuS ?? '',
  speedup: peer === undefined ? '' : peer.wallS / t.wallS,
  'cpu speedup': peer === undefined ? '' : peer.cpuS / t.cpuS,
});
const rows = [
  row('fit + sequences + pad (50,000)', texts.length, pipeline, py?.pipeline),
  row('fit + textsToPaddedSequences (50,000), one step', texts.length, fused, py?.pipeline),
  row('  fitOnTexts', texts.length, fit),
  row('  textsToSequences', texts.length, seq),
  row('  padSequences', texts.length, pad),
  row('calibration: 1 character pass (50,000)', texts.length, calibration),
  row(
    'textsToMatrix tfidf float32 (5,000)',
    sample.length,
    { wallS: tfidf.medianMs / 1000, cpuS: tfidf.cpuMs / 1000 },
    py?.tfidf5000,
  ),
];
console.log(
  `\nKeras Tokenizer, 50,000 IMDB reviews; Python: ${py ? `keras_preprocessing ${py.version}, live in this run, median of ${process.env.BENCH_PYTHON_RUNS ?? 3}${process.env.BENCH_PEER_MALLOC === '0' ? '' : ', glibc malloc keeping freed memory'}` : python} (tfidf: ours float32, Python float64)`,
);
printTable(rows);
const speedup = py ? py.pipeline.wallS / pipeline.wallS : Number.NaN;
const fusedSpeedup = py ? py.pipeline.wallS / fused.wallS : Number.NaN;
console.log(`peak RSS: ${peakMiB.toFixed(0)} MiB (goal < 600); ${loadCaption()}`);
console.log(
  `goals: fit+seq+pad ≥ 8× keras_preprocessing: ${Number.isNaN(speedup) ? 'no peer run' : speedup >= 8 ? `met (${speedup.toFixed(1)}×)` : `MISSED (${speedup.toFixed(1)}×)`}` +
    `${Number.isNaN(fusedSpeedup) ? '' : ` (one step: ${fusedSpeedup.toFixed(1)}×)`}; ` +
    `tfidf(5,000) < 0.5 s: ${tfidf.medianMs < 500 ? 'met' : 'MISSED'}; ` +
    `peak RSS < 600 MiB: ${peakMiB < 600 ? 'met' : 'MISSED'}`,
);
console.log(
  `wrote ${writeResults('text-tokenizer', { rows, peakRssMiB: peakMiB, reviews: texts.length, chars, python: py ?? python })}`,
);
