/**
 * Where one training step takes fresh memory, per tfjs kernel: CPU time split into user and system
 * (system time here is mostly page faults on first touch of new memory), minor page faults, and MB of
 * arrays handed to the backend (`backend.write`: kernel outputs and `tf.tensor(...)` values). The row
 * "(outside kernels)" is the rest of the step: the host optimizer, the loss bookkeeping, tfjs' tape.
 *
 *   cd bench && STEPS=12 node --conditions=@tensorseq/source --expose-gc --import tsx backend/alloc-step.ts imdb-simplernn cpu
 */
import * as tf from '@tensorflow/tfjs-core';
import { useBackend as useCpu } from '@tensorseq/backend-cpu';
import { useBackend as useWasm } from '@tensorseq/backend-wasm/node';
import { RMSprop, type Sequential } from '@tensorseq/layers-core';
import { IMDB_CONV1D } from '../../examples/conv1d/src/conv1d-experiments';
import { IMDB_RNN_EXPERIMENTS } from '../../examples/imdb-rnn/src/imdb-rnn-experiments';
import { JENA_EXPERIMENTS } from '../../examples/jena-forecast/src/jena-experiments';
import { seededBatch } from '../src/seeded-batch';

const imdb = { numWords: 10000, maxlen: 500 };
const imdbInput = { input: { batch: 128, time: 500, vocab: 10000 }, loss: 'bce' as const };
const jenaInput = { input: { batch: 128, time: 240, features: 14 }, loss: 'mae' as const };
const MODELS: Record<string, { build: () => Sequential; batch: typeof imdbInput | typeof jenaInput }> = {
  'imdb-simplernn': { build: () => IMDB_RNN_EXPERIMENTS.simplernn.build(imdb), batch: imdbInput },
  'imdb-lstm': { build: () => IMDB_RNN_EXPERIMENTS.lstm.build(imdb), batch: imdbInput },
  'imdb-conv1d': { build: () => IMDB_CONV1D.build(imdb), batch: imdbInput },
  'jena-gru': {
    build: () =>
      (JENA_EXPERIMENTS.gru as unknown as { build: (s: object) => Sequential }).build({
        timesteps: 240,
        features: 14,
      }),
    batch: jenaInput,
  },
};

interface Row {
  calls: number;
  user: number;
  system: number;
  faults: number;
  written: number;
}
const rows = new Map<string, Row>();
let depth = 0;
let writtenNow = 0;

function row(name: string): Row {
  let r = rows.get(name);
  if (!r) {
    r = { calls: 0, user: 0, system: 0, faults: 0, written: 0 };
    rows.set(name, r);
  }
  return r;
}

/** Adds the usage since `u0` (and the bytes written since `w0`) to `name`'s row. */
function charge(name: string, u0: NodeJS.ResourceUsage, w0: number): void {
  const u = process.resourceUsage();
  const r = row(name);
  r.calls++;
  r.user += (u.userCPUTime - u0.userCPUTime) / 1000;
  r.system += (u.systemCPUTime - u0.systemCPUTime) / 1000;
  r.faults += u.minorPageFault - u0.minorPageFault;
  r.written += writtenNow - w0;
}

function instrument(backendName: string): void {
  for (const config of tf.getKernelsForBackend(backendName)) {
    const inner = config.kernelFunc;
    tf.unregisterKernel(config.kernelName, backendName);
    tf.registerKernel({
      ...config,
      kernelFunc: (args) => {
        if (depth > 0) return inner(args);
        depth++;
        const u0 = process.resourceUsage();
        const w0 = writtenNow;
        try {
          return inner(args);
        } finally {
          depth--;
          charge(config.kernelName, u0, w0);
        }
      },
    });
  }
  const b = tf.backend() as unknown as {
    write: (v: { byteLength?: number } | null, ...r: unknown[]) => unknown;
  };
  const write = b.write.bind(b);
  b.write = (values, ...rest) => {
    writtenNow += values?.byteLength ?? 0;
    return write(values, ...rest);
  };
}

async function profile(backend: 'wasm' | 'cpu', name: string, steps: number) {
  if (backend === 'wasm') await useWasm('wasm', { threads: Number(process.env.THREADS ?? 1) });
  else await useCpu('cpu');
  instrument(backend);
  const spec = MODELS[name];
  const model = spec.build();
  model.compile({ optimizer: new RMSprop(), loss: spec.batch.loss === 'bce' ? 'binaryCrossentropy' : 'mae' });
  const { x, y } = seededBatch(spec.batch);
  await model.trainOnBatch(x, y);
  await model.trainOnBatch(x, y);
  rows.clear();
  const u0 = process.resourceUsage();
  const t0 = performance.now();
  const w0 = writtenNow;
  for (let i = 0; i < steps; i++) await model.trainOnBatch(x, y);
  const wall = (performance.now() - t0) / steps;
  charge('(whole step)', u0, w0);
  const total = rows.get('(whole step)') as Row;
  total.calls = 1;
  const inKernels = [...rows.entries()].filter(([k]) => k !== '(whole step)').map(([, r]) => r);
  const sum = (f: (r: Row) => number) => inKernels.reduce((a, r) => a + f(r), 0);
  rows.set('(outside kernels)', {
    calls: 0,
    user: total.user - sum((r) => r.user),
    system: total.system - sum((r) => r.system),
    faults: total.faults - sum((r) => r.faults),
    written: total.written - sum((r) => r.written),
  });
  console.log(`\n== ${name} on ${backend}: wall ${wall.toFixed(0)} ms per step, ${steps} steps`);
  console.log(`${'kernel'.padEnd(34)} calls   user ms    sys ms   faults  written MB`);
  const sorted = [...rows.entries()].sort((a, b) => b[1].user + b[1].system - (a[1].user + a[1].system));
  for (const [k, r] of sorted.slice(0, Number(process.env.ROWS ?? 16))) {
    const per = (v: number, d = 1) => (v / steps).toFixed(d).padStart(9);
    console.log(
      `${k.padEnd(34)} ${String(r.calls / steps).padStart(5)} ${per(r.user)} ${per(r.system)} ${per(r.faults, 0)} ${per(r.written / 2 ** 20)}`,
    );
  }
  tf.dispose([x, y]);
  model.dispose();
}

const [name = 'imdb-simplernn', order = 'cpu'] = process.argv.slice(2);
for (const b of order.split(',')) await profile(b as 'wasm' | 'cpu', name, Number(process.env.STEPS ?? 6));
console.log(
  `load ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
