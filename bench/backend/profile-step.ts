/**
 * Where one training step spends its time, per tfjs kernel and in host-memory traffic, on wasm and cpu.
 *
 *   cd bench && node --conditions=@tensorseq/source --expose-gc --import tsx backend/profile-step.ts imdb-lstm
 *
 * STEPS (timed steps), ROWS (table rows), THREADS (wasm backend's threads), TRACE_KERNEL=<name> (prints
 * each call's input shapes and attributes), TRACE_READS (large host reads).
 */
import * as tf from '@tensorflow/tfjs-core';
import { useBackend as useCpu } from '@tensorseq/backend-cpu';
import { useBackend as useWasm } from '@tensorseq/backend-wasm/node';
import { RMSprop, type Sequential } from '@tensorseq/layers-core';
import { IMDB_CONV1D, JENA_CONV_GRU } from '../../examples/conv1d/src/conv1d-experiments';
import { IMDB_RNN_EXPERIMENTS } from '../../examples/imdb-rnn/src/imdb-rnn-experiments';
import { JENA_EXPERIMENTS } from '../../examples/jena-forecast/src/jena-experiments';
import { seededBatch } from '../src/seeded-batch';

const imdb = { numWords: 10000, maxlen: 500 };
const jena = { timesteps: 240, features: 14 };
const imdbInput = { input: { batch: 128, time: 500, vocab: 10000 }, loss: 'bce' as const };
const jenaInput = { input: { batch: 128, time: 240, features: 14 }, loss: 'mae' as const };
const jenaBuild = (name: string) => () =>
  (
    (JENA_EXPERIMENTS as Record<string, { build?: (s: typeof jena) => Sequential }>)[name].build as (
      s: typeof jena,
    ) => Sequential
  )(jena);
const MODELS: Record<string, { build: () => Sequential; batch: typeof imdbInput | typeof jenaInput }> = {
  'jena-dense': { build: jenaBuild('dense'), batch: jenaInput },
  'jena-gru': { build: jenaBuild('gru'), batch: jenaInput },
  'jena-gru-dropout': { build: jenaBuild('gru-dropout'), batch: jenaInput },
  'jena-stacked-gru': { build: jenaBuild('stacked-gru'), batch: jenaInput },
  'jena-conv-gru': {
    build: () => (JENA_CONV_GRU.build as (s: typeof jena) => Sequential)(jena),
    batch: jenaInput,
  },
  'imdb-simplernn': { build: () => IMDB_RNN_EXPERIMENTS.simplernn.build(imdb), batch: imdbInput },
  'imdb-lstm': { build: () => IMDB_RNN_EXPERIMENTS.lstm.build(imdb), batch: imdbInput },
  'imdb-bilstm': { build: () => IMDB_RNN_EXPERIMENTS.bilstm.build(imdb), batch: imdbInput },
  'imdb-conv1d': { build: () => IMDB_CONV1D.build(imdb), batch: imdbInput },
};

interface Stat {
  calls: number;
  ms: number;
  /** Wall-clock ms: with the kernel threads, a kernel whose wall is close to its CPU ran on one core. */
  wallMs: number;
}
const stats = new Map<string, Stat>();
const reads = new WeakMap<object, number>();
const add = (name: string, ms: number, wallMs = 0) => {
  const s = stats.get(name) ?? { calls: 0, ms: 0, wallMs: 0 };
  s.calls++;
  s.ms += ms;
  s.wallMs += wallMs;
  stats.set(name, s);
};

const cpuMs = (t0: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / 1000;
};

/** One line per call of the kernel that TRACE_KERNEL names: its inputs' shapes and its attributes. */
function traceKernel(name: string, args: { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap }): void {
  const shapes = Object.entries(args.inputs).map(([k, t]) => `${k}=[${(t as tf.TensorInfo).shape}]`);
  const attrs = Object.fromEntries(
    Object.entries(args.attrs ?? {}).filter(([, v]) => typeof v !== 'function'),
  );
  console.log(`${name} ${shapes.join(' ')} ${JSON.stringify(attrs)}`);
}

/** Wraps every kernel of `backend` and its readSync/write with timers. */
function instrument(backendName: string): void {
  for (const config of tf.getKernelsForBackend(backendName)) {
    const inner = config.kernelFunc;
    tf.unregisterKernel(config.kernelName, backendName);
    tf.registerKernel({
      ...config,
      kernelFunc: (args) => {
        const t0 = process.cpuUsage();
        const w0 = performance.now();
        const out = inner(args);
        add(`kernel ${config.kernelName}`, cpuMs(t0), performance.now() - w0);
        if (process.env.TRACE_KERNEL === config.kernelName) traceKernel(config.kernelName, args);
        return out;
      },
    });
  }
  const b = tf.backend() as unknown as Record<string, (...a: unknown[]) => unknown>;
  // On wasm: the heap allocations (kernel outputs, and arrays written from JS once copied in).
  const module = (b as unknown as { wasm?: { _malloc(n: number): number; _free(p: number): void } }).wasm;
  if (module) {
    // Emscripten's lazy export stub replaces Module._malloc on its first call: resolve it before wrapping.
    module._free(module._malloc(1));
    const malloc = module._malloc;
    module._malloc = (n: number) => {
      add('heap _malloc MB', n / 2 ** 20);
      return malloc(n);
    };
  }
  for (const method of ['readSync', 'write', 'disposeData']) {
    const inner = b[method].bind(b);
    b[method] = (...a: unknown[]) => {
      const t0 = process.cpuUsage();
      const out = inner(...a);
      add(`backend.${method}`, cpuMs(t0));
      if (method === 'readSync') {
        const n = (out as { byteLength?: number }).byteLength ?? 0;
        const seen = reads.get(a[0] as object) ?? 0;
        reads.set(a[0] as object, seen + 1);
        add(seen ? 'readSync MB (repeat)' : 'readSync MB (first)', n / 2 ** 20);
        if (process.env.TRACE_READS && n > 1e6)
          console.log(
            'read',
            (n / 2 ** 20).toFixed(1),
            'MB',
            new Error().stack
              ?.split('\n')
              .slice(3, 6)
              .map((l) => l.trim().replace(/.*\/packages\//, ''))
              .join(' < '),
          );
      }
      return out;
    };
  }
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
  stats.clear();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) await model.trainOnBatch(x, y);
  const wall = (performance.now() - t0) / steps;
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1000 / steps;
  const rows = [...stats.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, Number(process.env.ROWS ?? 18));
  const kernelWall = [...stats.values()].reduce((sum, s) => sum + s.wallMs, 0) / steps;
  console.log(
    `\n== ${name} on ${backend}: wall ${wall.toFixed(1)} ms, cpu ${cpu.toFixed(1)} ms per step; ${(wall - kernelWall).toFixed(1)} ms wall outside the kernels`,
  );
  for (const [k, s] of rows) {
    const wallCell = s.wallMs ? `${(s.wallMs / steps).toFixed(1).padStart(8)} ms wall` : '';
    console.log(
      `${k.padEnd(44)} ${String(s.calls / steps).padStart(6)} calls ${(s.ms / steps).toFixed(1).padStart(8)} ms cpu ${wallCell}`,
    );
  }
  tf.dispose([x, y]);
  model.dispose();
}

const [name = 'imdb-lstm', order = 'wasm,cpu'] = process.argv.slice(2);
for (const b of order.split(',')) await profile(b as 'wasm' | 'cpu', name, Number(process.env.STEPS ?? 2));
console.log(
  `load ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
