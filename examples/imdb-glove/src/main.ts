/**
 * Deep Learning with Python, section 6.1.3: from raw IMDB text to word embeddings (listings 6.8–6.16).
 * Run: pnpm exp imdb-glove [--epochs 10] [--backend wasm|cpu|node|node-gpu|auto] [--imdb <aclImdb folder or tar.gz>] [--glove <glove .txt>] [--quick]
 * (`--name=value` works too)
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { IMDB_FILE_NAME, IMDB_LABELED_FILE_NAME, IMDB_URL } from '@tensorseq/datasets-imdb';
import {
  BACKEND_CHOICES,
  type BackendChoice,
  type DataSource,
  defaultDataDir,
  describeDataFile,
  resultsDir,
  runEnvironment,
  selectBackend,
} from '@tensorseq/example-utils';
import { IMDB_GLOVE_CATALOG } from './catalog';
import { defaultGloveSource } from './glove-source';
import { runExperiment } from './run-experiment';
import { writeResults } from './write-results';

const FLAGS = ['epochs', 'backend', 'imdb', 'glove'] as const;

function parseFlags(argv: string[]): Partial<Record<(typeof FLAGS)[number] | 'quick', string>> {
  const flags: Partial<Record<(typeof FLAGS)[number] | 'quick', string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') {
      flags.quick = 'true';
      continue;
    }
    // `--backend wasm` as every other example takes it, and `--backend=wasm`.
    const match = /^--([a-z]+)(?:=(.+))?$/.exec(arg);
    const name = FLAGS.find((f) => f === match?.[1]);
    const value = match?.[2] ?? (argv[i + 1]?.startsWith('--') ? undefined : argv[++i]);
    if (!match || !name || value === undefined) {
      throw new TypeError(
        `imdb-glove: arguments must be --epochs <n>, --backend wasm|cpu|node|node-gpu|auto, --imdb <path>, --glove <path> (or --name=value) or --quick. Received: argument=${arg}.`,
      );
    }
    flags[name] = value;
  }
  return flags;
}

const flags = parseFlags(process.argv.slice(2));
/**
 * `--quick`: the 500-review sample and the GloVe head shipped in the repository's data/, 100 training
 * and 150 validation reviews, 2 epochs: a smoke run of every step in seconds, without TENSORSEQ_DATA.
 */
const quick = flags.quick === 'true';
const shipped = (file: string) => fileURLToPath(new URL(`../../../data/${file}`, import.meta.url));
if (quick) {
  flags.imdb ??= shipped('imdb/aclImdb_sample500.tar.gz');
  flags.glove ??= shipped('embeddings/glove.6B.100d.top2717.txt');
  flags.epochs ??= '2';
}
// wasm by default: its matMul and gather make this model about 3x faster than tfjs-backend-cpu here.
const backend = flags.backend ?? 'wasm';
if (!(BACKEND_CHOICES as readonly string[]).includes(backend)) {
  throw new TypeError(
    `imdb-glove: backend must be one of ${BACKEND_CHOICES.join(', ')}. Received: backend=${backend}.`,
  );
}
const dataDir = defaultDataDir();
const gloveSource = flags.glove ?? defaultGloveSource(dataDir);
if (typeof gloveSource === 'string' && gloveSource.endsWith('top2717.txt')) {
  console.log('Note: this GloVe file has vectors for only the 2,717 most frequent words of glove.6B.100d.');
}

await selectBackend(backend as BackendChoice);
console.log(`Backend: ${tf.getBackend()}`);
const outDir = resultsDir(import.meta.url);
const results = await runExperiment({
  imdbSource: flags.imdb,
  gloveSource,
  // The model saved for listing 6.16 is scratch: it goes with the (git-ignored) checkpoints.
  outDir: join(outDir, '.checkpoints'),
  epochs: flags.epochs === undefined ? undefined : Number(flags.epochs),
  ...(quick ? { trainingSamples: 100, validationSamples: 150 } : {}),
  verbose: 0,
});
const { section, book } = IMDB_GLOVE_CATALOG['imdb-glove'];
/** The archive and vectors read, with their checksums (folders and downloads are named without one). */
async function dataFiles(): Promise<DataSource[]> {
  const files: DataSource[] = [];
  const dir = process.env.TENSORSEQ_DATA;
  const imdb =
    flags.imdb ??
    [IMDB_FILE_NAME, IMDB_LABELED_FILE_NAME].map((f) => dir && join(dir, f)).find((p) => p && existsSync(p));
  if (imdb && statSync(imdb).isFile())
    files.push(await describeDataFile('IMDB (Maas et al. 2011), raw text', imdb, IMDB_URL));
  if (typeof gloveSource === 'string' && existsSync(gloveSource)) {
    files.push(
      await describeDataFile('GloVe 6B, 100d', gloveSource, 'https://nlp.stanford.edu/data/glove.6B.zip'),
    );
  }
  return files;
}

const files = await writeResults(outDir, {
  ...results,
  config: { ...results.config, quick },
  section,
  book,
  dataFiles: await dataFiles(),
  environment: runEnvironment(),
  finishedAt: new Date().toISOString(),
});
console.log(`\nDone in ${results.totalSeconds.toFixed(1)} s. Wrote ${files.json} and ${files.svg}.`);
