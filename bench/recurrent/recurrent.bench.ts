/**
 * Recurrent training-step benchmark: tensorseq against PyTorch CPU at its best configuration here (the
 * peer to beat), and optionally tfjs-layers 4.22; cpu backend, one run.
 *
 *   pnpm bench recurrent                       # every model: 3 rounds of 5 timed steps per side
 *   BENCH_MODELS=jena-gru,imdb-lstm pnpm bench recurrent
 *   BENCH_RUNS=3 BENCH_ROUNDS=1 pnpm bench recurrent  # fewer timed steps (quick look)
 *   BENCH_TORCH=0 pnpm bench recurrent         # no PyTorch peer
 *   BENCH_TFJS_LAYERS=1 pnpm bench recurrent   # also time tfjs-layers (20-50 s per step here)
 *   BENCH_SIDE=tfjs-layers pnpm bench recurrent  # one side only + its process peak RSS (fair memory)
 *
 * One step = forward, backward and an RMSprop update on one batch (tensorseq: `Sequential.trainOnBatch`
 * with layers-core's Embedding, Dense and RMSprop; PyTorch: the same model in torch.nn; tfjs-layers:
 * `model.trainOnBatch`), for the chapter's models at the chapter's shapes. tensorseq and tfjs-layers use
 * the book's Keras 2 cell math (hardSigmoid gates, GRU resetAfter false); PyTorch's cells use sigmoid and
 * resetAfter, the same cost. nn.GRU has no recurrent dropout, so its dropout rows drop the inputs only.
 * Wall and CPU time (user + system, every thread of the process) are both reported: the machine is
 * shared, and CPU time shows the work. tensorseq and PyTorch alternate rounds of steps
 * (src/interleaved.ts), so that both sides see the same machine. Ratios are tensorseq / PyTorch; the load average
 * at the start and end of the suite is printed and written to bench/results/recurrent.json.
 * tfjs-layers' Embedding gradient (cpu UnsortedSegmentSum, quadratic) is shimmed to linear time.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '@tensorseq/backend-cpu';
import '../src/vendor/register-all-chained-ops.js'; // tfjs-layers calls chained tensor methods
import * as tfl from '@tensorflow/tfjs-layers';
import { kernelsInfo } from '@tensorseq/kernels';
import { Dense, Embedding, RMSprop, Sequential } from '@tensorseq/layers-core';
import { Bidirectional, GRU, LSTM, SimpleRNN } from '@tensorseq/layers-recurrent';
import { measureInterleaved } from '../src/interleaved';
import {
  loadCaption,
  measureStep,
  printTable,
  type StepMeasure,
  time,
  torchGoal,
  writeResults,
} from '../src/measure';
import { seededBatch } from '../src/seeded-batch';
import { shimUnsortedSegmentSum } from '../src/tfjs-layers-shim';
import { TorchSession, type TorchTiming } from '../src/torch-peer';

type Recurrent = 'simplernn' | 'lstm' | 'bilstm' | 'gru' | 'gru-dropout' | 'stacked-gru';

interface ModelSpec {
  name: string;
  kind: Recurrent;
  /** IMDB: int ids [batch, maxlen] into a 10,000-word Embedding(32); Jena: floats [batch, time, 14]. */
  input: { batch: number; time: number; features?: number; vocab?: number };
  loss: 'bce' | 'mae';
}

// Quickest peers first, so a run cut short still reports the key models.
const MODELS: ModelSpec[] = [
  { name: 'jena-gru', kind: 'gru', input: { batch: 128, time: 240, features: 14 }, loss: 'mae' },
  { name: 'imdb-lstm', kind: 'lstm', input: { batch: 128, time: 500, vocab: 10000 }, loss: 'bce' },
  {
    name: 'jena-gru-dropout',
    kind: 'gru-dropout',
    input: { batch: 128, time: 240, features: 14 },
    loss: 'mae',
  },
  { name: 'imdb-simplernn', kind: 'simplernn', input: { batch: 128, time: 500, vocab: 10000 }, loss: 'bce' },
  {
    name: 'jena-stacked-gru',
    kind: 'stacked-gru',
    input: { batch: 128, time: 240, features: 14 },
    loss: 'mae',
  },
  { name: 'imdb-bilstm', kind: 'bilstm', input: { batch: 128, time: 500, vocab: 10000 }, loss: 'bce' },
];

const runs = Number(process.env.BENCH_RUNS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const wanted = process.env.BENCH_MODELS?.split(',');
// BENCH_SIDE=tensorseq|tfjs-layers runs one side only and prints the process's peak RSS: a fair memory
// comparison needs one process per side (in one process the heap the first side grew is reused).
const side = process.env.BENCH_SIDE;
const skipPeer = process.env.BENCH_TFJS_LAYERS !== '1' || side === 'tensorseq';
const skipOurs = side === 'tfjs-layers';
const resultsName = side ? `recurrent-${side}` : 'recurrent';
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const EMBED = 32;

// ---------------------------------------------------------------- tensorseq side
/** The chapter model on tensorseq: layers-core's Sequential, Embedding, Dense, RMSprop + our RNN layers. */
function tensorseqModel(spec: ModelSpec) {
  const book = { recurrentActivation: 'hardSigmoid' as const };
  const { time: steps, features, vocab } = spec.input;
  const model = new Sequential();
  if (vocab) model.add(new Embedding({ inputDim: vocab, outputDim: EMBED, inputShape: [steps], seed: 5 }));
  const first = vocab ? {} : { inputShape: [steps, features as number] };
  switch (spec.kind) {
    case 'simplernn':
      model.add(new SimpleRNN({ units: 32, seed: 1, ...first }));
      break;
    case 'lstm':
      model.add(new LSTM({ units: 32, ...book, seed: 1, ...first }));
      break;
    case 'bilstm':
      model.add(new Bidirectional(new LSTM({ units: 32, ...book, seed: 1 }), { seed: 2, ...first }));
      break;
    case 'gru':
      model.add(new GRU({ units: 32, ...book, resetAfter: false, seed: 1, ...first }));
      break;
    case 'gru-dropout':
      model.add(
        new GRU({
          units: 32,
          ...book,
          resetAfter: false,
          dropout: 0.2,
          recurrentDropout: 0.2,
          seed: 1,
          ...first,
        }),
      );
      break;
    case 'stacked-gru': {
      const drop = { dropout: 0.1, recurrentDropout: 0.5, resetAfter: false, ...book };
      model.add(new GRU({ units: 32, ...drop, returnSequences: true, seed: 1, ...first }));
      model.add(new GRU({ units: 64, activation: 'relu', ...drop, seed: 2 }));
      break;
    }
  }
  model.add(new Dense({ units: 1, activation: spec.loss === 'bce' ? 'sigmoid' : 'linear', seed: 6 }));
  model.compile({
    optimizer: new RMSprop({ variant: 'keras3' }),
    loss: spec.loss === 'bce' ? 'binaryCrossentropy' : 'mae',
  });
  return {
    step(x: tf.Tensor, y: tf.Tensor): void {
      model.trainOnBatch(x, y);
    },
    predict(x: tf.Tensor): void {
      tf.tidy(() => model.predict(x, { batchSize: spec.input.batch }).dataSync());
    },
    dispose: () => model.dispose(),
  };
}

// ---------------------------------------------------------------- tfjs-layers side
function tfjsModel(spec: ModelSpec) {
  const model = tfl.sequential();
  const { time: steps, features, vocab } = spec.input;
  const book = { recurrentActivation: 'hardSigmoid' as const };
  if (vocab) model.add(tfl.layers.embedding({ inputDim: vocab, outputDim: EMBED, inputLength: steps }));
  const first = vocab ? {} : { inputShape: [steps, features as number] };
  switch (spec.kind) {
    case 'simplernn':
      model.add(tfl.layers.simpleRNN({ units: 32, ...first }));
      break;
    case 'lstm':
      model.add(tfl.layers.lstm({ units: 32, ...book, ...first }));
      break;
    case 'bilstm':
      model.add(
        tfl.layers.bidirectional({ layer: tfl.layers.lstm({ units: 32, ...book }) as tfl.RNN, ...first }),
      );
      break;
    case 'gru':
      model.add(tfl.layers.gru({ units: 32, ...book, ...first }));
      break;
    case 'gru-dropout':
      model.add(tfl.layers.gru({ units: 32, ...book, dropout: 0.2, recurrentDropout: 0.2, ...first }));
      break;
    case 'stacked-gru': {
      const drop = { dropout: 0.1, recurrentDropout: 0.5, ...book };
      model.add(tfl.layers.gru({ units: 32, ...drop, returnSequences: true, ...first }));
      model.add(tfl.layers.gru({ units: 64, activation: 'relu', ...drop }));
      break;
    }
  }
  model.add(tfl.layers.dense({ units: 1, activation: spec.loss === 'bce' ? 'sigmoid' : 'linear' }));
  model.compile({
    optimizer: tf.train.rmsprop(1e-3, 0.9, 0, 1e-7),
    loss: spec.loss === 'bce' ? 'binaryCrossentropy' : 'meanAbsoluteError',
  });
  return {
    async step(x: tf.Tensor, y: tf.Tensor) {
      await model.trainOnBatch(x, y);
    },
    predict(x: tf.Tensor): void {
      tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
    },
    dispose: () => model.dispose(),
  };
}

// ---------------------------------------------------------------- measuring
const NONE: StepMeasure = { ms: Number.NaN, cpuMs: Number.NaN, rssMiB: Number.NaN };

const TORCH_NOTE: Record<string, string> = {
  'jena-gru-dropout': ' (torch: input dropout only)',
  'jena-stacked-gru': ' (torch: input dropout only)',
};

/**
 * Stock tfjs-backend-cpu UnsortedSegmentSum (tfjs-layers' Embedding gradient) on 1/100 of the IMDB ids,
 * extrapolated linearly: it runs one masked multiply-and-sum over all ids per vocabulary entry and keeps
 * every intermediate, so the full [64000, 32] x 10,000 case needs minutes and gigabytes per step.
 */
function estimateStockEmbeddingGradMs(spec: ModelSpec): number {
  const slice = 100;
  const ids = (spec.input.batch * spec.input.time) / slice;
  const vocab = spec.input.vocab as number;
  const x = tf.ones([ids, EMBED]);
  const seg = tf.cast(tf.randomUniform([ids], 0, vocab, 'float32', 9), 'int32');
  const t0 = performance.now();
  tf.unsortedSegmentSum(x, seg as tf.Tensor1D, vocab).dispose();
  const ms = (performance.now() - t0) * slice;
  x.dispose();
  seg.dispose();
  return ms;
}

async function main(): Promise<void> {
  // The adapter registers the fused kernels tensorseq's layers look up (and the sgemm BatchMatMul,
  // which tfjs-layers then uses too: both sides run on the same backend).
  await useBackend('cpu');
  console.log(`tensorseq: cpu backend, kernels ${JSON.stringify(kernelsInfo())}`);
  const specs = MODELS.filter((m) => !wanted || wanted.includes(m.name));
  // The IMDB models share the Embedding(10000, 32) gradient at batch 128 x 500: one estimate serves all.
  const imdb = specs.find((s) => s.input.vocab);
  const stockMs = imdb && !skipPeer ? estimateStockEmbeddingGradMs(imdb) : null;
  if (stockMs !== null)
    console.log(`stock tfjs-layers Embedding gradient alone: est. ${(stockMs / 1000).toFixed(0)} s/step`);
  shimUnsortedSegmentSum();
  const ours: Record<string, StepMeasure> = {};
  const theirs: Record<string, StepMeasure> = {};
  const torch = side ? 'skipped: BENCH_SIDE' : await TorchSession.open();
  const session = typeof torch === 'string' ? null : torch;
  const torchTimes: Record<string, TorchTiming> = {};
  const options = { warmup, runs, rounds };
  for (const spec of specs) {
    const { x, y } = seededBatch(spec);
    if (!skipOurs) {
      const model = tensorseqModel(spec);
      const train = await measureInterleaved(() => model.step(x, y), session, spec.name, options);
      ours[spec.name] = train.us;
      if (train.torch) torchTimes[spec.name] = train.torch;
      if (spec.name === 'imdb-lstm') {
        const p = await measureInterleaved(() => model.predict(x), session, 'imdb-lstm-predict', options);
        ours['imdb-lstm-predict'] = { ms: p.us.ms, cpuMs: p.us.cpuMs, rssMiB: Number.NaN };
        if (p.torch) torchTimes['imdb-lstm-predict'] = p.torch;
      }
      model.dispose();
      const pt = torchTimes[spec.name];
      console.log(
        `${spec.name}: tensorseq ${ours[spec.name].ms.toFixed(1)} ms/step${pt ? `, PyTorch ${pt.ms.toFixed(1)}` : ''}`,
      );
    }
    if (!skipPeer) {
      const model = tfjsModel(spec);
      theirs[spec.name] = await measureStep(() => model.step(x, y), { warmup, runs });
      if (spec.name === 'imdb-lstm') {
        const p = await time(() => model.predict(x), { warmup: 1, runs });
        theirs['imdb-lstm-predict'] = { ms: p.medianMs, cpuMs: p.cpuMs, rssMiB: Number.NaN };
      }
      model.dispose();
    }
    x.dispose();
    y.dispose();
  }
  if (side)
    console.log(`${side} only: process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  session?.close();
  const names = [...specs.map((s) => s.name), ...('imdb-lstm-predict' in ours ? ['imdb-lstm-predict'] : [])];
  const torchOf = (name: string): TorchTiming | null => torchTimes[name] ?? null;
  const rows: Record<string, string | number>[] = [];
  const results: Record<string, unknown>[] = [];
  for (const name of names) {
    const us = ours[name] ?? NONE;
    const them = theirs[name] ?? NONE;
    const pt = torchOf(name);
    const ratio = pt ? us.ms / pt.ms : Number.NaN;
    const cpuRatio = pt ? us.cpuMs / pt.cpuMs : Number.NaN;
    rows.push({
      model: `${name}${TORCH_NOTE[name] ?? ''}`,
      'tensorseq ms': us.ms,
      'tensorseq cpu ms': us.cpuMs,
      'torch ms': pt?.ms ?? '-',
      'torch cpu ms': pt?.cpuMs ?? '-',
      ratio,
      'cpu ratio': cpuRatio,
      goal: torchGoal(ratio),
      'ΔRSS MiB': Number.isNaN(us.rssMiB) ? '-' : us.rssMiB,
      ...(skipPeer ? {} : { 'tfjs-layers ms': them.ms }),
    });
    results.push({
      model: name,
      tensorseqMs: us.ms,
      tensorseqCpuMs: us.cpuMs,
      tensorseqRssMiB: us.rssMiB,
      torchMs: pt?.ms ?? null,
      torchCpuMs: pt?.cpuMs ?? null,
      ratio,
      cpuRatio,
      tfjsLayersMs: skipPeer ? null : them.ms,
      stockTfjsEstimateMs:
        skipPeer || !name.startsWith('imdb') || stockMs === null ? null : stockMs + them.ms,
    });
  }
  console.log(
    `\nrecurrent training step (ms per step, batch 128), cpu backend, kernels ${JSON.stringify(kernelsInfo())}, ` +
      `${rounds} rounds of ${runs} timed steps per side, tensorseq and PyTorch alternating, after ${warmup} warm-ups (median); ratio = tensorseq / PyTorch wall`,
  );
  printTable(rows);
  if (typeof torch === 'string') console.log(`PyTorch peer ${torch}`);
  else console.log(`PyTorch peer: ${JSON.stringify(torch.config)}`);
  console.log(loadCaption());
  const file = writeResults(resultsName, {
    backend: 'cpu',
    kernels: kernelsInfo(),
    runs,
    rounds,
    warmup,
    torch: typeof torch === 'string' ? torch : torch.config,
    results,
  });
  console.log(`wrote ${file}`);
}

await main();
