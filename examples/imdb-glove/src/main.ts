/**
 * Deep Learning with Python, section 6.1.3: from raw IMDB text to word embeddings (listings 6.8–6.16).
 * Run: pnpm exp imdb-glove [--epochs=10] [--backend=wasm|cpu|node|node-gpu|auto] [--imdb=<aclImdb folder or tar.gz>] [--glove=<glove .txt>]
 */
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { BACKEND_CHOICES, type BackendChoice, defaultDataDir, selectBackend } from '@tensorseq/example-utils';
import { defaultGloveSource } from './glove-source';
import { runExperiment } from './run-experiment';
import { writeResults } from './write-results';

const FLAGS = ['epochs', 'backend', 'imdb', 'glove'] as const;

function parseFlags(argv: string[]): Partial<Record<(typeof FLAGS)[number], string>> {
  const flags: Partial<Record<(typeof FLAGS)[number], string>> = {};
  for (const arg of argv) {
    const match = /^--([a-z]+)=(.+)$/.exec(arg);
    const name = FLAGS.find((f) => f === match?.[1]);
    if (!match || !name) {
      throw new TypeError(
        `imdb-glove: arguments must be --epochs=<n>, --backend=wasm|cpu|node|node-gpu|auto, --imdb=<path> or --glove=<path>. Received: argument=${arg}.`,
      );
    }
    flags[name] = match[2];
  }
  return flags;
}

const flags = parseFlags(process.argv.slice(2));
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
const outDir = fileURLToPath(new URL('../results', import.meta.url));
const results = await runExperiment({
  imdbSource: flags.imdb,
  gloveSource,
  outDir,
  epochs: flags.epochs === undefined ? undefined : Number(flags.epochs),
  verbose: 0,
});
const files = await writeResults(outDir, results);
console.log(`\nDone in ${results.totalSeconds.toFixed(1)} s. Wrote ${files.json} and ${files.svg}.`);
