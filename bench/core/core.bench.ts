/**
 * The `core` suite: one training step (batch 32, RMSprop, binary cross-entropy) of
 *   A = Embedding(10000, 8) + Flatten + Dense(1)                     (maxlen 20, book listing 6.7)
 *   B = Embedding(10000, 100) + Flatten + Dense(32, relu) + Dense(1) (maxlen 100, book listing 6.13)
 * with tensorseq vs tfjs-layers 4.22 on the same cpu backend in this process: stock tfjs-layers (its
 * Embedding gradient runs tfjs-backend-cpu's quadratic UnsortedSegmentSum), tfjs-layers with that kernel
 * shimmed to a linear one (bench/src/tfjs-layers-shim.ts), and PyTorch CPU when `import torch` works.
 *
 * Run: pnpm bench core        (medians after warm-up; results in bench/results/core.json)
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '../src/vendor/register-all-chained-ops.js';
import * as tfl from '@tensorflow/tfjs-layers';
import { useBackend } from '@tensorseq/backend-cpu';
import { Dense, Embedding, Flatten, type Layer, Sequential, setGlobalSeed } from '@tensorseq/layers-core';
import { printTable, time, writeResults } from '../src/measure';
import { shimUnsortedSegmentSum } from '../src/tfjs-layers-shim';

interface Spec {
  name: 'A' | 'B';
  label: string;
  dim: number;
  maxlen: number;
  hidden: number | null;
  /** Warm-up steps, then timed steps (median reported); B's steps are 10× longer, so fewer. */
  timing: { warmup: number; runs: number };
}

const specs: Spec[] = [
  {
    name: 'A',
    label: 'Embedding(10000,8)+Flatten+Dense(1), maxlen 20',
    dim: 8,
    maxlen: 20,
    hidden: null,
    timing: { warmup: 10, runs: 15 },
  },
  {
    name: 'B',
    label: 'Embedding(10000,100)+Flatten+Dense(32)+Dense(1), maxlen 100',
    dim: 100,
    maxlen: 100,
    hidden: 32,
    timing: { warmup: 3, runs: 5 },
  },
];
const VOCAB = 10000;
const BATCH = 32;
const STOCK_LIMIT_S = 60;

function batch(spec: Spec): { x: tf.Tensor; y: tf.Tensor } {
  let s = 12345;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const ids = Int32Array.from({ length: BATCH * spec.maxlen }, () => 1 + Math.floor(next() * (VOCAB - 1)));
  const labels = Float32Array.from({ length: BATCH }, () => (next() < 0.5 ? 0 : 1));
  return { x: tf.tensor2d(ids, [BATCH, spec.maxlen], 'int32'), y: tf.tensor2d(labels, [BATCH, 1]) };
}

function tensorseqModel(spec: Spec): Sequential {
  setGlobalSeed(1);
  const layers: Layer[] = [
    new Embedding({ inputDim: VOCAB, outputDim: spec.dim, inputLength: spec.maxlen }),
    new Flatten(),
  ];
  if (spec.hidden) layers.push(new Dense({ units: spec.hidden, activation: 'relu' }));
  layers.push(new Dense({ units: 1, activation: 'sigmoid' }));
  const model = new Sequential({ layers });
  model.compile({ optimizer: 'rmsprop', loss: 'binaryCrossentropy', metrics: ['acc'] });
  return model;
}

function tfjsModel(spec: Spec): tfl.Sequential {
  const model = tfl.sequential();
  model.add(tfl.layers.embedding({ inputDim: VOCAB, outputDim: spec.dim, inputLength: spec.maxlen }));
  model.add(tfl.layers.flatten());
  if (spec.hidden) model.add(tfl.layers.dense({ units: spec.hidden, activation: 'relu' }));
  model.add(tfl.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.rmsprop(1e-3), loss: 'binaryCrossentropy', metrics: ['acc'] });
  return model;
}

/** Child mode: one stock tfjs-layers step, printed as JSON (the parent kills it past the limit). */
async function stockChild(name: string): Promise<void> {
  await useBackend('cpu', { registerKernels: false });
  const spec = specs.find((s) => s.name === name) as Spec;
  const model = tfjsModel(spec);
  const { x, y } = batch(spec);
  const t0 = performance.now();
  await model.trainOnBatch(x, y);
  console.log(JSON.stringify({ ms: performance.now() - t0 }));
}

function stockStep(spec: Spec): number | null {
  const file = fileURLToPath(import.meta.url);
  const r = spawnSync(
    process.execPath,
    ['--conditions=@tensorseq/source', '--import', 'tsx', file, '--stock', spec.name],
    { cwd: join(dirname(file), '..'), encoding: 'utf8', timeout: STOCK_LIMIT_S * 1000 },
  );
  const line = r.stdout?.split('\n').find((l) => l.startsWith('{"ms"'));
  return r.status === 0 && line ? (JSON.parse(line) as { ms: number }).ms : null;
}

function torchStep(spec: Spec): number | string {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.status !== 0) return 'skipped (no torch for /usr/bin/python3)';
  const script = join(dirname(fileURLToPath(import.meta.url)), 'torch_step.py');
  const r = spawnSync(
    '/usr/bin/python3',
    [script, spec.name, String(spec.timing.warmup), String(spec.timing.runs)],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) return `failed: ${r.stderr.trim().split('\n').pop()}`;
  return (JSON.parse(r.stdout.trim().split('\n').pop() as string) as { median_ms: number }).median_ms;
}

async function main(): Promise<void> {
  await useBackend('cpu'); // the fused kernels and sgemm BatchMatMul tensorseq's layers look up
  const rows: Record<string, string | number>[] = [];
  const results: Record<string, unknown>[] = [];
  for (const spec of specs) {
    const stockMs = stockStep(spec);
    shimUnsortedSegmentSum();
    const { x, y } = batch(spec);
    const ours = tensorseqModel(spec);
    const oursT = await time(() => ours.trainOnBatch(x, y), spec.timing);
    const theirs = tfjsModel(spec);
    const shimT = await time(() => theirs.trainOnBatch(x, y), spec.timing);
    const torch = torchStep(spec);
    const fmt = (ms: number) => Number(ms.toFixed(ms < 10 ? 2 : 1));
    rows.push({
      model: spec.label,
      'tensorseq ms': fmt(oursT.medianMs),
      'tfjs-layers stock ms': stockMs === null ? `too slow (>${STOCK_LIMIT_S} s)` : fmt(stockMs),
      'tfjs-layers shimmed ms': fmt(shimT.medianMs),
      'tensorseq / shimmed': Number((oursT.medianMs / shimT.medianMs).toFixed(3)),
      'pytorch ms': typeof torch === 'number' ? fmt(torch) : torch,
      'tensorseq / pytorch': typeof torch === 'number' ? Number((oursT.medianMs / torch).toFixed(1)) : '-',
    });
    results.push({ model: spec.name, label: spec.label, tensorseq: oursT, stockMs, shimmed: shimT, torch });
    ours.dispose();
    theirs.dispose();
    tf.dispose([x, y]);
  }
  const load = loadavg()[0].toFixed(1);
  console.log(
    `core: one training step, batch ${BATCH}, cpu backend, median after warm-up (A: 15 runs after 10, B: 5 after 3; stock: 1 step); load average ${load} on ${cpus().length} cores`,
  );
  printTable(rows);
  console.log(`wrote ${writeResults('core', results)}`);
}

const stockIndex = process.argv.indexOf('--stock');
if (stockIndex >= 0) await stockChild(process.argv[stockIndex + 1]);
else await main();
