/**
 * 1D convnet training-step benchmark: tensorseq against PyTorch CPU at its best configuration here, and
 * optionally tfjs-layers 4.22; cpu backend, one run. tensorseq and PyTorch alternate rounds of steps
 * (src/interleaved.ts), so that both sides see the same machine.
 *
 *   pnpm bench conv1d                               # both models: 3 rounds of 5 timed steps per side
 *   BENCH_MODELS=imdb-conv1d pnpm bench conv1d      # one model
 *   BENCH_RUNS=3 BENCH_ROUNDS=1 pnpm bench conv1d   # fewer timed steps
 *   BENCH_TORCH=0 pnpm bench conv1d                 # no PyTorch peer
 *   BENCH_TFJS_LAYERS=1 pnpm bench conv1d           # also tfjs-layers (minutes per step at batch 128)
 *   BENCH_BATCH=32 pnpm bench conv1d                # smaller batches (quick look; the chapter uses 128,
 *                                                   # and the PyTorch peer always runs 128)
 *
 * One step = forward, backward and an RMSprop update on one batch, at the chapter's shapes:
 * - imdb-conv1d (listing 6.45): Embedding(10000, 128) + Conv1D(32, 7, relu) + MaxPooling1D(5) +
 *   Conv1D(32, 7, relu) + GlobalMaxPooling1D + Dense(1, sigmoid), ids [128, 500], binary crossentropy.
 * - jena-conv-gru (listing 6.47): Conv1D(32, 5, relu) + MaxPooling1D(3) + Conv1D(32, 5, relu) +
 *   GRU(32, dropout 0.1, recurrentDropout 0.5) + Dense(1), floats [128, 240, 14], MAE. tensorseq's GRU
 *   uses the book's Keras 2 cell (hardSigmoid, resetAfter false); nn.GRU has no recurrent dropout, so
 *   the PyTorch row drops the GRU's inputs only. 'valid' padding everywhere.
 * Each step is timed in wall time and in CPU time (user + system, every thread of the process), the
 * latter being robust to other processes sharing the cores. Ratios are tensorseq / PyTorch wall time
 * from the same run. Peak RSS is the increase over the RSS before each model's runs (same process).
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '@tensorseq/backend-cpu';
import '../src/vendor/register-all-chained-ops.js'; // tfjs-layers calls chained tensor methods
import * as tfl from '@tensorflow/tfjs-layers';
import { kernelsInfo } from '@tensorseq/kernels';
import { Conv1D, GlobalMaxPooling1D, MaxPooling1D } from '@tensorseq/layers-conv1d';
import { Dense, Embedding, RMSprop, Sequential } from '@tensorseq/layers-core';
import { GRU } from '@tensorseq/layers-recurrent';
import { measureInterleaved } from '../src/interleaved';
import {
  loadCaption,
  measureStep,
  printTable,
  type StepMeasure,
  torchGoal,
  writeResults,
} from '../src/measure';
import { seededBatch } from '../src/seeded-batch';
import { shimUnsortedSegmentSum } from '../src/tfjs-layers-shim';
import { TorchSession, type TorchTiming } from '../src/torch-peer';

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

const runs = Number(process.env.BENCH_RUNS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const wanted = process.env.BENCH_MODELS?.split(',');
const withTfjsLayers = process.env.BENCH_TFJS_LAYERS === '1';

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
async function main(): Promise<void> {
  // The adapter registers the fused kernels tensorseq's layers look up (and the sgemm BatchMatMul,
  // which tfjs-layers then uses too: both sides run on the same backend).
  await useBackend('cpu');
  console.log(`tensorseq: cpu backend, kernels ${JSON.stringify(kernelsInfo())}`);
  shimUnsortedSegmentSum();
  const specs = MODELS.filter((m) => !wanted || wanted.includes(m.name));
  const torch = await TorchSession.open();
  const session = typeof torch === 'string' ? null : torch;
  const measured: {
    spec: ModelSpec;
    us: StepMeasure;
    pt: TorchTiming | null;
    them: StepMeasure | null;
    leaked: number;
  }[] = [];
  for (const spec of specs) {
    const { x, y } = seededBatch(spec);
    const ours = tensorseqModel(spec);
    const tensorsBefore = tf.memory().numTensors;
    const { us, torch: pt } = await measureInterleaved(() => ours.step(x, y), session, spec.name, {
      warmup,
      runs,
      rounds,
    });
    const leaked = tf.memory().numTensors - tensorsBefore;
    ours.dispose();
    let them: StepMeasure | null = null;
    if (withTfjsLayers) {
      const theirs = tfjsModel(spec);
      them = await measureStep(() => theirs.step(x, y), { warmup, runs });
      theirs.dispose();
    }
    x.dispose();
    y.dispose();
    measured.push({ spec, us, pt, them, leaked });
    console.log(
      `done ${spec.name}: tensorseq ${us.ms.toFixed(1)} ms/step${pt ? `, PyTorch ${pt.ms.toFixed(1)}` : ''}`,
    );
  }
  session?.close();
  const rows: Record<string, string | number>[] = [];
  const results: Record<string, unknown>[] = [];
  for (const { spec, us, pt, them, leaked } of measured) {
    const ratio = pt && batch === 128 ? us.ms / pt.ms : Number.NaN;
    const cpuRatio = pt && batch === 128 ? us.cpuMs / pt.cpuMs : Number.NaN;
    rows.push({
      model: spec.name + (spec.name === 'jena-conv-gru' ? ' (torch: GRU input dropout only)' : ''),
      'tensorseq ms': us.ms,
      'tensorseq cpu ms': us.cpuMs,
      'torch ms': pt?.ms ?? '-',
      'torch cpu ms': pt?.cpuMs ?? '-',
      ratio,
      'cpu ratio': cpuRatio,
      goal: torchGoal(ratio),
      'ΔRSS MiB': us.rssMiB,
      'tensors leaked': leaked,
      ...(them ? { 'tfjs-layers ms': them.ms, 'tfjs-layers cpu ms': them.cpuMs } : {}),
    });
    results.push({
      model: spec.name,
      tensorseqMs: us.ms,
      tensorseqCpuMs: us.cpuMs,
      tensorseqRssMiB: us.rssMiB,
      torchMs: pt?.ms ?? null,
      torchCpuMs: pt?.cpuMs ?? null,
      ratio,
      cpuRatio,
      tfjsLayersMs: them?.ms ?? null,
      tfjsLayersCpuMs: them?.cpuMs ?? null,
      tensorsLeaked: leaked,
    });
  }
  console.log(
    `\nconv1d training step (ms per step), batch ${batch}, cpu backend, kernels ${JSON.stringify(kernelsInfo())}, ` +
      `${rounds} rounds of ${runs} timed steps per side, tensorseq and PyTorch alternating, after ${warmup} warm-ups (median); ratio = tensorseq / PyTorch wall`,
  );
  printTable(rows);
  if (typeof torch === 'string') console.log(`PyTorch peer ${torch}`);
  else console.log(`PyTorch peer: ${JSON.stringify(torch.config)}`);
  console.log(loadCaption());
  const file = writeResults('conv1d', {
    backend: 'cpu',
    kernels: kernelsInfo(),
    batch,
    runs,
    rounds,
    warmup,
    torch: typeof torch === 'string' ? torch : torch.config,
    results,
  });
  console.log(`wrote ${file}`);
}

await main();
