#!/usr/bin/env node
// `node scripts/exp-queue.mjs [--results-root DIR] [--logs DIR] [--only LIST] [--dry-run]` runs every chapter experiment at
// the book's full scale, ONE at a time, in the order below (cheapest proof first). Restartable: a run whose
// results JSON is already complete is skipped, and an interrupted one continues from its checkpoint
// (every run is started with --resume). Results go to <results-root>/examples/<example>/results/
// (default: this checkout), logs to <logs>/<example>-<experiment>.log plus <logs>/queue.log.
//
// `--only example:experiment[,…]` restricts the queue to those runs (every seed of each), so that two queues
// can share out the work on a machine with idle cores.
//
// `node scripts/exp-queue.mjs --quick` (CI) runs every experiment once with --quick instead, on the
// samples shipped in data/ (or synthetic reviews), into a temporary folder, and fails if any run fails;
// `--quick --backend wasm` does the same on another backend.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? resolve(args[i + 1]) : fallback;
};
const resultsRoot = option('results-root', repo);
const logs = option('logs', join(repo, '.tmp', 'exp-queue'));
const dryRun = args.includes('--dry-run');
// `--quick --backend wasm` runs every quick experiment on that backend (CI runs cpu and wasm).
const backendIndex = args.indexOf('--backend');
const quickBackend = backendIndex >= 0 ? args[backendIndex + 1] : undefined;
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1].split(',')) : undefined;

/** [example, experiment, book epochs (0: trains nothing), seed (undefined: the default 1337)] */
const SEEDS = [1338, 1339];
const QUEUE = [
  ['rnn-from-scratch', 'forward-pass', 0],
  ['imdb-embedding', 'embedding', 10],
  ['jena-forecast', 'baseline', 0],
  ['jena-forecast', 'dense', 20],
  ['imdb-glove', '', 10],
  ['imdb-rnn', 'simplernn', 10],
  ['imdb-rnn', 'lstm', 10],
  ['jena-forecast', 'gru', 20],
  ['conv1d', 'imdb-conv1d', 10],
  // The runs the done-when names come first, then the rest of the chapter, then the headline seeds.
  ['imdb-rnn', 'bilstm', 10],
  ['jena-forecast', 'gru-dropout', 40],
  ['jena-forecast', 'stacked-gru', 40],
  ['jena-forecast', 'bidirectional-gru', 40],
  ['conv1d', 'jena-conv1d', 20],
  ['imdb-rnn', 'reversed-lstm', 10],
  ['jena-forecast', 'gru-reversed', 20],
  ['conv1d', 'jena-conv-gru', 20],
  ...SEEDS.map((seed) => ['imdb-rnn', 'lstm', 10, seed]),
  ...SEEDS.map((seed) => ['jena-forecast', 'gru', 20, seed]),
];

if (args.includes('--quick')) quickRuns();

mkdirSync(logs, { recursive: true });
const queueLog = join(logs, 'queue.log');
const note = (line) => {
  const text = `${new Date().toISOString()} ${line}`;
  console.log(text);
  appendFileSync(queueLog, `${text}\n`);
};

/** A results file is complete when it is a full-scale run with every epoch the book trains. */
function complete(file, epochs) {
  if (!existsSync(file)) return false;
  try {
    const result = JSON.parse(readFileSync(file, 'utf8'));
    if (result.config?.quick) return false;
    // imdb-glove's own format; runs from before it recorded its data files' checksums are redone.
    if (result.glove)
      return result.glove.history?.val_acc?.length === epochs && Array.isArray(result.dataFiles);
    if (result.config?.steps) return false;
    if (epochs === 0) return true;
    return result.history?.val_loss?.length === epochs;
  } catch {
    return false;
  }
}

note(`queue start: ${QUEUE.length} runs, results under ${resultsRoot}, logs in ${logs}`);
for (const [example, experiment, epochs, seed] of QUEUE) {
  if (only && !only.has(`${example}:${experiment}`)) continue;
  const stem = (experiment || example) + (seed ? `-seed${seed}` : '');
  const resultsDir = join(resultsRoot, 'examples', example, 'results');
  if (complete(join(resultsDir, `${stem}.json`), epochs)) {
    note(`skip ${example} ${stem}: complete`);
    continue;
  }
  const argv = experiment ? [experiment, '--resume', ...(seed ? ['--seed', String(seed)] : [])] : [];
  note(`run  ${example} ${stem}: pnpm exp ${example} ${argv.join(' ')}`);
  if (dryRun) continue;
  const log = join(logs, `${example}-${stem}.log`);
  const fd = openSync(log, 'a');
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    ['--conditions=@tensorseq/source', '--import', 'tsx', 'src/main.ts', ...argv],
    {
      cwd: join(repo, 'examples', example),
      env: { ...process.env, TENSORSEQ_RESULTS: resultsDir },
      stdio: ['ignore', fd, fd],
    },
  );
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  note(`done ${example} ${stem}: exit ${result.status ?? result.signal} after ${minutes} min (log ${log})`);
}
note('queue end');

/** Every experiment once, with --quick, into a temporary folder; exits non-zero if one fails. */
function quickRuns() {
  const out = mkdtempSync(join(tmpdir(), 'exp-quick-'));
  const started = Date.now();
  const failed = [];
  for (const [example, experiment, , seed] of QUEUE) {
    if (seed) continue;
    const t0 = Date.now();
    const result = spawnSync(
      process.execPath,
      [
        '--conditions=@tensorseq/source',
        '--import',
        'tsx',
        'src/main.ts',
        ...(experiment ? [experiment] : []),
        '--quick',
        ...(quickBackend ? ['--backend', quickBackend] : []),
      ],
      {
        cwd: join(repo, 'examples', example),
        env: { ...process.env, TENSORSEQ_RESULTS: join(out, example) },
        encoding: 'utf8',
      },
    );
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    const ok = result.status === 0;
    const on = quickBackend ? ` --backend ${quickBackend}` : '';
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${example} ${experiment || example} --quick${on} (${seconds} s)`);
    if (!ok) {
      failed.push(`${example} ${experiment}`);
      console.log(`${result.stdout}${result.stderr}`.split('\n').slice(-15).join('\n'));
    }
  }
  rmSync(out, { recursive: true, force: true });
  console.log(
    `${failed.length ? 'FAILED' : 'passed'}: quick runs in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  process.exit(failed.length ? 1 : 0);
}
