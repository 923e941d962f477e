/**
 * Embedding loaders: full and `vocabulary`-restricted loads of a GloVe-shaped text file and a word2vec
 * binary file of glove.6B.100d's shape (400,000 words × 100 dims), against gensim 4 on the same files.
 *
 *   pnpm bench embeddings
 *
 * The files are generated once (seeded) into `$TMPDIR/tensorseq-bench-embeddings/` and reused. Every
 * measurement runs in its own child process, so its peak RSS (`maxRSS`) belongs to that one load.
 * gensim runs through Debian's `/usr/bin/python3` (`apt-get install python3-gensim`); it is skipped with a
 * message when absent. Set BENCH_EMB_WORDS to try another size.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGlove, loadWord2Vec } from '@tensorseq/embeddings/node';
import { printTable, writeResults } from '../src/measure';

const WORDS = Number(process.env.BENCH_EMB_WORDS ?? 400_000);
const DIM = 100;
const VOCABULARY = 10_000;
const RUNS = 3;
const PYTHON = '/usr/bin/python3';
const dir = join(tmpdir(), 'tensorseq-bench-embeddings');
const textPath = join(dir, `glove-like-${WORDS}x${DIM}.txt`);
const binaryPath = join(dir, `word2vec-like-${WORDS}x${DIM}.bin`);
const vocabularyPath = join(dir, `vocabulary-${WORDS}-${VOCABULARY}.json`);

type Mode = 'text' | 'text-vocabulary' | 'binary' | 'binary-vocabulary' | 'read-file';

/** What a child process reports for one measurement. */
interface Sample {
  ms: number;
  /** CPU time (user + system) of the load: the fair figure on a shared, loaded machine. */
  cpuMs: number;
  words: number;
  baselineRssMB: number;
  peakRssMB: number;
  /** Float32 matrix + vocabulary (strings, Map, array) retained after the load, in MiB. */
  resultMB: number;
}

/** A seeded generator (mulberry32), so every run measures the same files. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Unique lower-case words of 2 to 12 letters, like a GloVe vocabulary. */
function makeWords(random: () => number): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  while (words.length < WORDS) {
    let word = '';
    const length = 2 + Math.floor(random() * random() * 11);
    for (let i = 0; i < length; i++) word += String.fromCharCode(97 + Math.floor(random() * 26));
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

/** Writes the text and binary files (same words and float32 values) unless they already exist. */
async function generate(): Promise<void> {
  if (existsSync(textPath) && existsSync(binaryPath) && existsSync(vocabularyPath)) return;
  mkdirSync(dir, { recursive: true });
  console.log(`generating ${WORDS} × ${DIM} files in ${dir} (once)…`);
  const random = seeded(2014);
  const words = makeWords(random);
  const text = createWriteStream(`${textPath}.part`);
  const binary = createWriteStream(`${binaryPath}.part`);
  binary.write(`${WORDS} ${DIM}\n`);
  const row = new Float32Array(DIM);
  for (let i = 0; i < WORDS; i++) {
    let line = words[i];
    for (let k = 0; k < DIM; k++) {
      // Six significant digits around ±0.5, as in glove.6B.100d.txt.
      const digits = ((random() + random() + random() - 1.5) * 0.8).toPrecision(6);
      row[k] = Number(digits);
      line += ` ${Number(digits)}`;
    }
    const ok = text.write(`${line}\n`);
    binary.write(Buffer.concat([Buffer.from(`${words[i]} `), Buffer.from(row.buffer.slice(0))]));
    if (!ok) await new Promise<void>((done) => text.once('drain', () => done()));
  }
  await Promise.all([
    new Promise<void>((done) => text.end(() => done())),
    new Promise<void>((done) => binary.end(() => done())),
  ]);
  renameSync(`${textPath}.part`, textPath);
  renameSync(`${binaryPath}.part`, binaryPath);
  // The vocabulary fast path: 10,000 words spread over the file, as a tokenizer's would be.
  const pick = seeded(7);
  const vocabulary = new Set<string>();
  while (vocabulary.size < VOCABULARY) vocabulary.add(words[Math.floor(pick() * pick() * WORDS)]);
  await writeJson(vocabularyPath, [...vocabulary]);
}

async function writeJson(path: string, value: unknown): Promise<void> {
  const handle = await open(path, 'w');
  await handle.writeFile(JSON.stringify(value));
  await handle.close();
}

/** Child side: one load, then its time and memory on stdout as JSON. */
async function child(mode: Mode): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const vocabulary: string[] | undefined = mode.endsWith('vocabulary')
    ? JSON.parse(readFileSync(vocabularyPath, 'utf8'))
    : undefined;
  gc();
  const baselineRssMB = process.memoryUsage.rss() / 2 ** 20;
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let words = 0;
  let matrixBytes = 0;
  let keep: unknown;
  if (mode === 'read-file') {
    const handle = await open(binaryPath, 'r');
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      matrixBytes += bytesRead;
    }
    await handle.close();
    matrixBytes = 0;
  } else {
    const kv = mode.startsWith('text')
      ? await loadGlove(textPath, { vocabulary })
      : await loadWord2Vec(binaryPath, { binary: true, vocabulary });
    words = kv.size;
    matrixBytes = kv.vectors.data.byteLength;
    keep = kv;
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  gc();
  const retainedHeap = Math.max(0, process.memoryUsage().heapUsed - heapBefore);
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  const sample: Sample = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    words,
    baselineRssMB,
    peakRssMB,
    resultMB: (matrixBytes + retainedHeap) / 2 ** 20,
  };
  if (keep === null) console.log('');
  console.log(JSON.stringify(sample));
}

function runChild(mode: Mode): Sample {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [...process.execArgv, self, '--child', mode], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`child ${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '');
}

/** gensim's load in Debian's python3, timing only the load call; undefined when gensim is absent. */
function runGensim(
  path: string,
  binary: boolean,
): { ms: number; cpuMs: number; peakRssMB: number } | undefined {
  const script = [
    'import resource, sys, time',
    'from gensim.models import KeyedVectors',
    't, c = time.perf_counter(), time.process_time()',
    `kv = KeyedVectors.load_word2vec_format(sys.argv[1], binary=${binary ? 'True' : 'False'}, no_header=${binary ? 'False' : 'True'})`,
    'ms, cpu_ms = (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000',
    'print(ms, cpu_ms, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(kv))',
  ].join('\n');
  const result = spawnSync(PYTHON, ['-c', script, path], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  const [ms, cpuMs, peakRssMB] = result.stdout.trim().split('\n').pop()!.split(' ').map(Number);
  return { ms, cpuMs, peakRssMB };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

async function main(): Promise<void> {
  await generate();
  const textMB = statSync(textPath).size / 2 ** 20;
  const binaryMB = statSync(binaryPath).size / 2 ** 20;
  const matrixMB = (WORDS * DIM * 4) / 2 ** 20;
  console.log(
    `text ${textMB.toFixed(0)} MiB, binary ${binaryMB.toFixed(0)} MiB, matrix ${matrixMB.toFixed(0)} MiB`,
  );
  const rows: Record<string, string | number>[] = [];
  const results: Record<string, unknown> = {};
  const modes: Mode[] = ['read-file', 'text', 'text-vocabulary', 'binary', 'binary-vocabulary'];
  for (const mode of modes) {
    const samples = Array.from({ length: RUNS }, () => runChild(mode));
    const s = samples.find((x) => x.ms === median(samples.map((y) => y.ms)))!;
    const fileMB = mode.startsWith('text') ? textMB : binaryMB;
    results[mode] = samples;
    rows.push({
      load: mode === 'read-file' ? 'read the binary file (disk speed)' : `tensorseq ${mode}`,
      'median ms': Math.round(s.ms),
      'CPU ms': Math.round(s.cpuMs),
      'MiB/s': Math.round(fileMB / (s.ms / 1000)),
      words: s.words,
      'peak RSS MiB': Math.round(s.peakRssMB),
      'RSS growth MiB': Math.round(s.peakRssMB - s.baselineRssMB),
      'result MiB': Math.round(s.resultMB),
      'growth / result': mode === 'read-file' ? '-' : (s.peakRssMB - s.baselineRssMB) / s.resultMB,
    });
  }
  for (const [label, path, binary] of [
    ['gensim text no_header', textPath, false],
    ['gensim binary', binaryPath, true],
  ] as const) {
    const g = runGensim(path, binary);
    if (g === undefined) {
      console.log(`${label}: skipped (${PYTHON} with gensim not found: apt-get install -y python3-gensim)`);
      continue;
    }
    results[label] = g;
    rows.push({
      load: label,
      'median ms': Math.round(g.ms),
      'CPU ms': Math.round(g.cpuMs),
      'MiB/s': Math.round((binary ? binaryMB : textMB) / (g.ms / 1000)),
      words: WORDS,
      'peak RSS MiB': Math.round(g.peakRssMB),
      'RSS growth MiB': '-',
      'result MiB': '-',
      'growth / result': '-',
    });
  }
  printTable(rows);
  const ours = results.text as Sample[];
  const gensim = results['gensim text no_header'] as { ms: number; cpuMs: number } | undefined;
  if (gensim) {
    const wall = gensim.ms / median(ours.map((s) => s.ms));
    const cpu = gensim.cpuMs / median(ours.map((s) => s.cpuMs));
    console.log(
      `full text load vs gensim (goal ≥ 3×): ${wall.toFixed(1)}× by wall time, ${cpu.toFixed(1)}× by CPU time`,
    );
  }
  console.log(`results: ${writeResults('embeddings-load', { words: WORDS, dim: DIM, results })}`);
}

const childIndex = process.argv.indexOf('--child');
if (childIndex !== -1) await child(process.argv[childIndex + 1] as Mode);
else await main();
