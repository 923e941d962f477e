/**
 * 1D convnet training-step benchmark: tensorseq vs tfjs-layers 4.22, same process, cpu backend.
 *
 *   pnpm bench conv1d                               # both models, 3 timed steps each after 1 warm-up
 *   BENCH_MODELS=imdb-conv1d pnpm bench conv1d      # one model
 *   BENCH_RUNS=5 pnpm bench conv1d                  # more timed steps
 *   BENCH_BATCH=32 pnpm bench conv1d                # smaller batches (quick look; the chapter uses 128)
 *
 * One step = forward, backward and an RMSprop update on one batch (`trainOnBatch` on both sides), at the
 * chapter's shapes:
 * - imdb-conv1d (listing 6.45): Embedding(10000, 128) + Conv1D(32, 7, relu) + MaxPooling1D(5) +
 *   Conv1D(32, 7, relu) + GlobalMaxPooling1D + Dense(1, sigmoid), ids [128, 500], binary crossentropy.
 * - jena-conv-gru (listing 6.47): Conv1D(32, 5, relu) + MaxPooling1D(3) + Conv1D(32, 5, relu) +
 *   GRU(32, dropout 0.1, recurrentDropout 0.5) + Dense(1), floats [128, 240, 14], MAE. Both GRUs use the
 *   book's Keras 2 cell (hardSigmoid, resetAfter false: tfjs-layers' only variant); 'valid' padding
 *   everywhere (tfjs-layers has no 'causal').
 * tfjs-layers' Embedding gradient (cpu UnsortedSegmentSum, quadratic in the vocabulary) is shimmed to
 * linear time, so the IMDB ratio measures the convnet, not that one kernel. Each step is timed in wall
 * time and in CPU time (user + system of this process; everything here runs on one thread), the latter
 * being robust to other processes sharing the cores. Peak RSS is the increase over the RSS before each
 * model's runs (same process).
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '@tensorseq/backend-cpu';
import '../src/vendor/register-all-chained-ops.js'; // tfjs-layers calls chained tensor methods
import * as tfl from '@tensorflow/tfjs-layers';
import { kernelsBackend } from '@tensorseq/kernels';
import { Conv1D, GlobalMaxPooling1D, MaxPooling1D } from '@tensorseq/layers-conv1d';
import { Dense, Embedding, RMSprop, Sequential } from '@tensorseq/layers-core';
import { GRU } from '@tensorseq/layers-recurrent';
import { printTable, time, trackPeakRss, writeResults } from '../src/measure';
import { seededBatch } from '../src/seeded-batch';
import { shimUnsortedSegmentSum } from '../src/tfjs-layers-shim';

type ModelName = 'imdb-conv1d' | 'jena-conv-gru';
interface ModelSpec {
  name: ModelName;
  input: { batch: number; time: number; features?: number; vocab?: number };
  loss: 'bce' | 'mae';
}

const batch = Number(process.env.BENCH_BATCH ?? 128);
const MODELS: ModelSpec[] = [
  { name: 'imdb-conv1d', input: { batch, time: 500, vocab: 10000 }, loss: 'bce' },
  { name: 'jena-conv-gru', input: { batch, time: 240, features: 14 }, loss: 'mae' },
];

const runs = Number(process.env.BENCH_RUNS ?? 3);
const wanted = process.env.BENCH_MODELS?.split(',');

interface Trainer {
  step(x: tf.Tensor, y: tf.Tensor): unknown;
  dispose(): void;
}

// ---------------------------------------------------------------- tensorseq side
function tensorseqModel(spec: ModelSpec): Trainer {
  const model = new Sequential();
  if (spec.name === 'imdb-conv1d') {
    model.add(new Embedding({ inputDim: 10000, outputDim: 128, inputLength: 500, seed: 1 }));
    model.add(new Conv1D({ filters: 32, kernelSize: 7, activation: 'relu', seed: 2 }));
    model.add(new MaxPooling1D({ poolSize: 5 }));
    model.add(new Conv1D({ filters: 32, kernelSize: 7, activation: 'relu', seed: 3 }));
    model.add(new GlobalMaxPooling1D());
    model.add(new Dense({ units: 1, activation: 'sigmoid', seed: 4 }));
  } else {
    const features = spec.input.features as number;
    model.add(
      new Conv1D({ filters: 32, kernelSize: 5, activation: 'relu', inputShape: [null, features], seed: 2 }),
    );
    model.add(new MaxPooling1D({ poolSize: 3 }));
    model.add(new Conv1D({ filters: 32, kernelSize: 5, activation: 'relu', seed: 3 }));
    model.add(
      new GRU({
        units: 32,
        dropout: 0.1,
        recurrentDropout: 0.5,
        recurrentActivation: 'hardSigmoid',
        resetAfter: false,
        seed: 5,
      }),
    );
    model.add(new Dense({ units: 1, seed: 4 }));
  }
  model.compile({
    optimizer: new RMSprop({ learningRate: 1e-3, rho: 0.9 }),
    loss: spec.loss === 'bce' ? 'binaryCrossentropy' : 'mae',
  });
  return { step: (x, y) => model.trainOnBatch(x, y), dispose: () => model.dispose() };
}

// ---------------------------------------------------------------- tfjs-layers side
function tfjsModel(spec: ModelSpec): Trainer {
  const model = tfl.sequential();
  if (spec.name === 'imdb-conv1d') {
    model.add(tfl.layers.embedding({ inputDim: 10000, outputDim: 128, inputLength: 500 }));
    model.add(tfl.layers.conv1d({ filters: 32, kernelSize: 7, activation: 'relu' }));
    model.add(tfl.layers.maxPooling1d({ poolSize: 5 }));
    model.add(tfl.layers.conv1d({ filters: 32, kernelSize: 7, activation: 'relu' }));
    model.add(tfl.layers.globalMaxPooling1d({}));
    model.add(tfl.layers.dense({ units: 1, activation: 'sigmoid' }));
  } else {
    const { time: steps, features } = spec.input;
    model.add(
      tfl.layers.conv1d({
        filters: 32,
        kernelSize: 5,
        activation: 'relu',
        inputShape: [steps, features as number],
      }),
    );
    model.add(tfl.layers.maxPooling1d({ poolSize: 3 }));
    model.add(tfl.layers.conv1d({ filters: 32, kernelSize: 5, activation: 'relu' }));
    model.add(
      tfl.layers.gru({ units: 32, dropout: 0.1, recurrentDropout: 0.5, recurrentActivation: 'hardSigmoid' }),
    );
    model.add(tfl.layers.dense({ units: 1 }));
  }
  model.compile({
    optimizer: tf.train.rmsprop(1e-3, 0.9, 0, 1e-7),
    loss: spec.loss === 'bce' ? 'binaryCrossentropy' : 'meanAbsoluteError',
  });
  return {
    step: async (x, y) => {
      await model.trainOnBatch(x, y);
    },
    dispose: () => model.dispose(),
  };
}

// ---------------------------------------------------------------- measuring
function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

interface Measured {
  /** Median wall-clock time of a step. */
  ms: number;
  /** Median CPU time (user + system) of a step: robust to other processes sharing the cores. */
  cpuMs: number;
  rssMiB: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function measure(trainer: Trainer, x: tf.Tensor, y: tf.Tensor): Promise<Measured> {
  gc();
  const base = process.memoryUsage.rss() / 2 ** 20;
  const rss = trackPeakRss();
  const cpu: number[] = [];
  const t = await time(
    async () => {
      const before = process.cpuUsage();
      await trainer.step(x, y);
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    },
    { warmup: 1, runs },
  );
  // The first entry is the warm-up.
  return { ms: t.medianMs, cpuMs: median(cpu.slice(1)), rssMiB: rss.stop() - base };
}

async function main(): Promise<void> {
  // The adapter registers the fused kernels tensorseq's layers look up (and the sgemm BatchMatMul,
  // which tfjs-layers then uses too: both sides run on the same backend).
  await useBackend('cpu');
  shimUnsortedSegmentSum();
  const specs = MODELS.filter((m) => !wanted || wanted.includes(m.name));
  const rows: Record<string, string | number>[] = [];
  const results: Record<string, unknown>[] = [];
  for (const spec of specs) {
    const { x, y } = seededBatch(spec);
    const ours = tensorseqModel(spec);
    const tensorsBefore = tf.memory().numTensors;
    const us = await measure(ours, x, y);
    const leaked = tf.memory().numTensors - tensorsBefore;
    ours.dispose();
    const theirs = tfjsModel(spec);
    const them = await measure(theirs, x, y);
    theirs.dispose();
    x.dispose();
    y.dispose();
    const ratio = us.ms / them.ms;
    const cpuRatio = us.cpuMs / them.cpuMs;
    rows.push({
      model: spec.name,
      'tensorseq ms': us.ms,
      'tfjs-layers ms': them.ms,
      ratio,
      'tensorseq cpu ms': us.cpuMs,
      'tfjs-layers cpu ms': them.cpuMs,
      'cpu ratio': cpuRatio,
      goal: Math.max(ratio, cpuRatio) <= 0.25 ? 'met (≤0.25)' : 'MISSED',
      'ΔRSS us MiB': us.rssMiB,
      'ΔRSS tfjs MiB': them.rssMiB,
      'tensors leaked': leaked,
    });
    results.push({
      model: spec.name,
      tensorseqMs: us.ms,
      tfjsLayersMs: them.ms,
      ratio,
      tensorseqCpuMs: us.cpuMs,
      tfjsLayersCpuMs: them.cpuMs,
      cpuRatio,
      tensorseqRssMiB: us.rssMiB,
      tfjsLayersRssMiB: them.rssMiB,
      tensorsLeaked: leaked,
    });
    console.log(`done ${spec.name}: ${us.ms.toFixed(0)} ms vs ${them.ms.toFixed(0)} ms`);
  }
  console.log(
    `\nconv1d training step, batch ${batch}, cpu backend, kernels: ${kernelsBackend()}, ${runs} timed runs (median)`,
  );
  printTable(rows);
  console.log(
    `wrote ${writeResults('conv1d', { backend: 'cpu', kernels: kernelsBackend(), batch, runs, results })}`,
  );
}

await main();
