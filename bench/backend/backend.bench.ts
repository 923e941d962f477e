/**
 * Backend benchmark: one training step of every chapter model, tensorseq on wasm vs tfjs-layers on wasm
 * (the Jena GRU models: the only chapter models tfjs-layers can train on wasm, which lacks
 * UnsortedSegmentSum for its Embedding) vs tensorseq on cpu, all in one process.
 *
 *   pnpm bench --backend                      # every model, 3 timed steps each after 1 warm-up
 *   BENCH_MODELS=jena-gru,imdb-lstm pnpm bench --backend
 *   BENCH_RUNS=5 pnpm bench --backend
 *
 * The models are the examples' own builders (today's Keras defaults: GRU resetAfter, sigmoid gates) at
 * the chapter's shapes (IMDB: batch 128 × 500 words; Jena: batch 128 × 240 hourly steps × 14). A step is
 * `trainOnBatch` (forward, backward, RMSprop). tfjs-layers 4.22 builds the same Jena GRU stacks with its
 * only GRU variant (resetAfter false, hard-sigmoid gates): the same shapes and matmuls.
 * Each cell is the median wall time and, in brackets, the median CPU time of the process (user + system,
 * every thread): on a shared machine the CPU time is the steadier of the two. The load average is printed
 * with the table.
 */
import { loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import '../src/vendor/register-all-chained-ops.js'; // tfjs-layers calls chained tensor methods
import * as tfl from '@tensorflow/tfjs-layers';
import { useBackend as useCpu } from '@tensorseq/backend-cpu';
import { useBackend as useWasm } from '@tensorseq/backend-wasm/node';
import { RMSprop, type Sequential } from '@tensorseq/layers-core';
import { IMDB_CONV1D, JENA_CONV_GRU } from '../../examples/conv1d/src/conv1d-experiments';
import { IMDB_RNN_EXPERIMENTS } from '../../examples/imdb-rnn/src/imdb-rnn-experiments';
import { JENA_EXPERIMENTS } from '../../examples/jena-forecast/src/jena-experiments';
import { printTable, type Timing, time, writeResults } from '../src/measure';
import { seededBatch } from '../src/seeded-batch';

interface ModelSpec {
  name: string;
  build: () => Sequential;
  input: { batch: number; time: number; features?: number; vocab?: number };
  loss: 'bce' | 'mae';
  /** The tfjs-layers counterpart, for the models it can train on wasm. */
  peer?: () => tfl.Sequential;
}

const imdb = { numWords: 10000, maxlen: 500 };
const jena = { timesteps: 240, features: 14 };
const imdbInput = { batch: 128, time: 500, vocab: 10000 };
const jenaInput = { batch: 128, time: 240, features: 14 };

function tfjsGru(stack: 'gru' | 'gru-dropout' | 'stacked-gru' | 'bidirectional-gru'): tfl.Sequential {
  const model = tfl.sequential();
  const inputShape = [jena.timesteps, jena.features];
  if (stack === 'gru') model.add(tfl.layers.gru({ units: 32, inputShape }));
  if (stack === 'gru-dropout')
    model.add(tfl.layers.gru({ units: 32, dropout: 0.2, recurrentDropout: 0.2, inputShape }));
  if (stack === 'stacked-gru') {
    model.add(
      tfl.layers.gru({ units: 32, dropout: 0.1, recurrentDropout: 0.5, returnSequences: true, inputShape }),
    );
    model.add(tfl.layers.gru({ units: 64, activation: 'relu', dropout: 0.1, recurrentDropout: 0.5 }));
  }
  if (stack === 'bidirectional-gru')
    model.add(tfl.layers.bidirectional({ layer: tfl.layers.gru({ units: 32 }) as tfl.RNN, inputShape }));
  model.add(tfl.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.rmsprop(1e-3), loss: 'meanAbsoluteError' });
  return model;
}

const jenaBuild = (name: keyof typeof JENA_EXPERIMENTS) => () =>
  (
    (JENA_EXPERIMENTS[name] as { build?: (s: typeof jena) => Sequential }).build as (
      s: typeof jena,
    ) => Sequential
  )(jena);

const MODELS: ModelSpec[] = [
  { name: 'jena-dense', build: jenaBuild('dense'), input: jenaInput, loss: 'mae' },
  { name: 'jena-gru', build: jenaBuild('gru'), input: jenaInput, loss: 'mae', peer: () => tfjsGru('gru') },
  {
    name: 'jena-gru-dropout',
    build: jenaBuild('gru-dropout'),
    input: jenaInput,
    loss: 'mae',
    peer: () => tfjsGru('gru-dropout'),
  },
  {
    name: 'jena-stacked-gru',
    build: jenaBuild('stacked-gru'),
    input: jenaInput,
    loss: 'mae',
    peer: () => tfjsGru('stacked-gru'),
  },
  {
    name: 'jena-bidirectional-gru',
    build: jenaBuild('bidirectional-gru'),
    input: jenaInput,
    loss: 'mae',
    peer: () => tfjsGru('bidirectional-gru'),
  },
  {
    name: 'jena-conv-gru',
    build: () => (JENA_CONV_GRU.build as (s: typeof jena) => Sequential)(jena),
    input: jenaInput,
    loss: 'mae',
  },
  {
    name: 'imdb-simplernn',
    build: () => IMDB_RNN_EXPERIMENTS.simplernn.build(imdb),
    input: imdbInput,
    loss: 'bce',
  },
  { name: 'imdb-lstm', build: () => IMDB_RNN_EXPERIMENTS.lstm.build(imdb), input: imdbInput, loss: 'bce' },
  {
    name: 'imdb-bilstm',
    build: () => IMDB_RNN_EXPERIMENTS.bilstm.build(imdb),
    input: imdbInput,
    loss: 'bce',
  },
  { name: 'imdb-conv1d', build: () => IMDB_CONV1D.build(imdb), input: imdbInput, loss: 'bce' },
];

const runs = Number(process.env.BENCH_RUNS ?? 3);
const wanted = process.env.BENCH_MODELS?.split(',');

async function tensorseqStep(spec: ModelSpec): Promise<Timing> {
  const model = spec.build();
  model.compile({
    optimizer: new RMSprop(),
    loss: spec.loss === 'bce' ? 'binaryCrossentropy' : 'mae',
  });
  const { x, y } = seededBatch(spec);
  const t = await time(() => model.trainOnBatch(x, y), { warmup: 1, runs });
  tf.dispose([x, y]);
  model.dispose();
  return t;
}

async function peerStep(spec: ModelSpec): Promise<Timing | null> {
  if (!spec.peer) return null;
  const model = spec.peer();
  const { x, y } = seededBatch(spec);
  const t = await time(() => model.trainOnBatch(x, y), { warmup: 1, runs });
  tf.dispose([x, y]);
  model.dispose();
  return t;
}

async function main(): Promise<void> {
  const specs = MODELS.filter((m) => !wanted || wanted.includes(m.name));
  const load = [loadavg()[0]];
  const rows: Record<string, string | number>[] = [];
  for (const spec of specs) {
    await useWasm('wasm');
    const wasm = await tensorseqStep(spec);
    const peer = await peerStep(spec);
    await useCpu('cpu');
    const cpu = await tensorseqStep(spec);
    load.push(loadavg()[0]);
    const row = {
      model: spec.name,
      'tensorseq wasm ms (cpu ms)': `${Math.round(wasm.medianMs)} (${Math.round(wasm.cpuMs)})`,
      'tfjs-layers wasm ms (cpu ms)': peer ? `${Math.round(peer.medianMs)} (${Math.round(peer.cpuMs)})` : '–',
      'vs tfjs-layers wall (cpu)': peer
        ? `${(wasm.medianMs / peer.medianMs).toFixed(3)} (${(wasm.cpuMs / peer.cpuMs).toFixed(3)})`
        : '–',
      'tensorseq cpu ms (cpu ms)': `${Math.round(cpu.medianMs)} (${Math.round(cpu.cpuMs)})`,
      'wasm / cpu wall (cpu)': `${(wasm.medianMs / cpu.medianMs).toFixed(2)} (${(wasm.cpuMs / cpu.cpuMs).toFixed(2)})`,
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  printTable(rows);
  console.log(`load average (1 min) during the run: ${load.map((l) => l.toFixed(1)).join(' → ')}`);
  console.log(`median of ${runs} steps after 1 warm-up; node ${process.version}`);
  writeResults('backend', { runs, load, rows });
}

await main();
