/**
 * Recurrent training-step benchmark: tensorseq vs tfjs-layers 4.22, same process, cpu backend.
 *
 *   pnpm bench recurrent                       # every model, 5 timed steps each after 1 warm-up
 *   BENCH_MODELS=jena-gru,imdb-lstm pnpm bench recurrent
 *   BENCH_RUNS=3 pnpm bench recurrent          # fewer timed steps (quick look; the report uses 5)
 *   BENCH_SKIP_PEER=1 pnpm bench recurrent     # tensorseq only (profiling)
 *   BENCH_TORCH=0 pnpm bench recurrent         # no PyTorch column
 *   BENCH_SIDE=tfjs-layers pnpm bench recurrent  # one side only + its process peak RSS (fair memory)
 *
 * One step = forward, backward and an RMSprop update on one batch (tensorseq: `Sequential.trainOnBatch`
 * with layers-core's Embedding, Dense and RMSprop; tfjs-layers: `model.trainOnBatch`), for the chapter's
 * models at the chapter's shapes. Both sides use the book's Keras 2 cell math (hardSigmoid gates, GRU resetAfter false,
 * tfjs-layers' only GRU variant) so they compute the same function. tfjs-layers' Embedding gradient
 * (cpu UnsortedSegmentSum, quadratic) is shimmed to linear time for both, so the IMDB ratios measure the
 * recurrent part; stock tfjs-layers is estimated from the stock kernel on a slice, clearly labelled.
 * Peak RSS is the increase over the RSS before each model's runs (same process). An optional PyTorch
 * column runs bench/recurrent/torch_models.py with /usr/bin/python3 when torch is installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '@tensorseq/backend-cpu';
import '../src/vendor/register-all-chained-ops.js'; // tfjs-layers calls chained tensor methods
import * as tfl from '@tensorflow/tfjs-layers';
import { kernelsBackend } from '@tensorseq/kernels';
import { Dense, Embedding, RMSprop, Sequential } from '@tensorseq/layers-core';
import { Bidirectional, GRU, LSTM, SimpleRNN } from '@tensorseq/layers-recurrent';
import { printTable, time, trackPeakRss, writeResults } from '../src/measure';
import { seededBatch } from '../src/seeded-batch';
import { shimUnsortedSegmentSum } from '../src/tfjs-layers-shim';

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
const wanted = process.env.BENCH_MODELS?.split(',');
// BENCH_SIDE=tensorseq|tfjs-layers runs one side only and prints the process's peak RSS: a fair memory
// comparison needs one process per side (in one process the heap the first side grew is reused).
const side = process.env.BENCH_SIDE;
const skipPeer = process.env.BENCH_SKIP_PEER === '1' || side === 'tensorseq';
const skipOurs = side === 'tfjs-layers';
const resultsName = side ? `recurrent-${side}` : 'recurrent';
const skipTorch = process.env.BENCH_TORCH === '0';
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
function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function measure(step: () => unknown): Promise<{ ms: number; rssMiB: number }> {
  gc();
  const base = process.memoryUsage.rss() / 2 ** 20;
  const rss = trackPeakRss();
  const t = await time(step, { warmup: 1, runs });
  return { ms: t.medianMs, rssMiB: rss.stop() - base };
}

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

function torchTimings(names: string[]): Record<string, number> | string {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'torch_models.py');
  if (!existsSync('/usr/bin/python3')) return 'skipped: /usr/bin/python3 not found';
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.status !== 0) return 'skipped: torch is not installed for /usr/bin/python3';
  const r = spawnSync('/usr/bin/python3', [script, String(runs), ...names], { encoding: 'utf8' });
  if (r.status !== 0) return `skipped: torch_models.py failed (${r.stderr.trim().split('\n').pop()})`;
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Record<string, number>;
}

async function main(): Promise<void> {
  // The adapter registers the fused kernels tensorseq's layers look up (and the sgemm BatchMatMul,
  // which tfjs-layers then uses too: both sides run on the same backend).
  await useBackend('cpu');
  const specs = MODELS.filter((m) => !wanted || wanted.includes(m.name));
  // The IMDB models share the Embedding(10000, 32) gradient at batch 128 x 500: one estimate serves all.
  const imdb = specs.find((s) => s.input.vocab);
  const stockMs = imdb && !skipPeer ? estimateStockEmbeddingGradMs(imdb) : null;
  if (stockMs !== null)
    console.log(`stock tfjs-layers Embedding gradient alone: est. ${(stockMs / 1000).toFixed(0)} s/step`);
  shimUnsortedSegmentSum();
  const rows: Record<string, string | number>[] = [];
  const results: Record<string, string | number | null>[] = [];
  for (const spec of specs) {
    const { x, y } = seededBatch(spec);
    let us = { ms: Number.NaN, rssMiB: Number.NaN };
    let predictMs: number | null = null;
    if (!skipOurs) {
      const ours = tensorseqModel(spec);
      us = await measure(() => ours.step(x, y));
      predictMs = spec.name === 'imdb-lstm' ? (await time(() => ours.predict(x), { runs })).medianMs : null;
      ours.dispose();
    }
    console.log(`${spec.name}: tensorseq ${us.ms.toFixed(0)} ms/step`);
    let them = { ms: Number.NaN, rssMiB: Number.NaN };
    let theirPredictMs: number | null = null;
    if (!skipPeer) {
      const theirs = tfjsModel(spec);
      them = await measure(() => theirs.step(x, y));
      theirPredictMs =
        spec.name === 'imdb-lstm' ? (await time(() => theirs.predict(x), { runs })).medianMs : null;
      theirs.dispose();
    }
    x.dispose();
    y.dispose();
    const stock = spec.input.vocab ? stockMs : null;
    const ratio = us.ms / them.ms;
    rows.push({
      model: spec.name,
      'tensorseq ms': us.ms,
      'tfjs-layers ms': them.ms,
      ratio,
      goal: Number.isNaN(ratio) ? 'no peer run' : ratio <= 0.25 ? 'met (≤0.25)' : 'MISSED',
      'ΔRSS us MiB': us.rssMiB,
      'ΔRSS tfjs MiB': them.rssMiB,
      'stock tfjs': stock === null ? '-' : `too slow: est. ≥${((stock + them.ms) / 1000).toFixed(0)} s/step`,
      'torch ms': '-',
    });
    results.push({
      model: spec.name,
      tensorseqMs: us.ms,
      tfjsLayersMs: them.ms,
      ratio,
      tensorseqRssMiB: us.rssMiB,
      tfjsLayersRssMiB: them.rssMiB,
      stockTfjsEstimateMs: stock === null ? null : stock + them.ms,
      torchMs: null,
      predictMs,
      theirPredictMs,
    });
    if (predictMs !== null && theirPredictMs !== null) {
      const batch = spec.input.batch;
      rows.push({
        model: `${spec.name} predict`,
        'tensorseq ms': predictMs,
        'tfjs-layers ms': theirPredictMs,
        ratio: predictMs / theirPredictMs,
        goal: `${Math.round((batch * 1000) / predictMs)} vs ${Math.round((batch * 1000) / theirPredictMs)} samples/s`,
        'ΔRSS us MiB': '-',
        'ΔRSS tfjs MiB': '-',
        'stock tfjs': '-',
        'torch ms': '-',
      });
    }
    console.log(
      `done ${spec.name}: ${us.ms.toFixed(0)} ms vs ${them.ms.toFixed(0)} ms (ratio ${ratio.toFixed(3)})`,
    );
    writeResults(resultsName, { backend: 'cpu', kernels: kernelsBackend(), runs, results, partial: true });
  }
  // PyTorch last, so its threads do not compete with the JS timings.
  if (side)
    console.log(`${side} only: process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  const torch =
    skipTorch || side ? 'skipped: BENCH_TORCH=0 or BENCH_SIDE' : torchTimings(specs.map((s) => s.name));
  if (typeof torch !== 'string') {
    for (const row of rows) if (row.model in torch) row['torch ms'] = torch[row.model as string];
    for (const r of results) r.torchMs = torch[r.model as string] ?? null;
  }
  console.log(
    `\nrecurrent training step, cpu backend, kernels: ${kernelsBackend()}, ${runs} timed runs (median)`,
  );
  printTable(rows);
  if (typeof torch === 'string') console.log(`PyTorch column ${torch}`);
  console.log(
    `wrote ${writeResults(resultsName, { backend: 'cpu', kernels: kernelsBackend(), runs, results, torch })}`,
  );
}

await main();
