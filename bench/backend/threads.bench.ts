/**
 * What a second thread buys tfjs-backend-wasm in Node: `useBackend('wasm', { threads })` with 1 and 2
 * threads, on tfjs-wasm's own ops (a 1024³ matMul; a Dense(512)×2 training step whose matmuls are
 * tfjs-wasm's XNNPACK) and on chapter model steps (jena-dense; jena-gru, whose recurrence is
 * tensorseq's own single-threaded fused kernel).
 *
 *   pnpm bench --backend            # runs this file after backend.bench.ts
 *   BENCH_ROUNDS=5 pnpm bench --backend
 *
 * A wasm backend's thread count is fixed when it starts, so each configuration runs in its own child
 * process; the children alternate (1, 2, 1, 2, …) so both see the same machine load. Each child reports
 * the median wall and CPU time (process.cpuUsage: every thread of the process, pthreads included).
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { backendInfo, useBackend } from '@tensorseq/backend-wasm/node';
import { Dense, Flatten, RMSprop, Sequential } from '@tensorseq/layers-core';
import { JENA_EXPERIMENTS } from '../../examples/jena-forecast/src/jena-experiments';
import { printTable, time, writeResults } from '../src/measure';
import { seededBatch } from '../src/seeded-batch';

type Measured = Record<string, { wallMs: number; cpuMs: number }>;

const jena = { timesteps: 240, features: 14 };
const jenaBatch = { input: { batch: 128, time: 240, features: 14 }, loss: 'mae' as const };
const runs = Number(process.env.BENCH_RUNS ?? 3);

function jenaModel(name: 'dense' | 'gru'): Sequential {
  const build = (JENA_EXPERIMENTS[name] as { build?: (s: typeof jena) => Sequential }).build;
  return (build as (s: typeof jena) => Sequential)(jena);
}

/** Flatten(240 × 14) → Dense(512, relu) → Dense(512, relu) → Dense(1): ~1.5 GFLOP of matMul per step. */
function denseHeavy(): Sequential {
  const heavy = new Sequential();
  heavy.add(new Flatten({ inputShape: [jena.timesteps, jena.features] }));
  heavy.add(new Dense({ units: 512, activation: 'relu' }));
  heavy.add(new Dense({ units: 512, activation: 'relu' }));
  heavy.add(new Dense({ units: 1 }));
  return heavy;
}

async function stepTiming(model: Sequential): Promise<{ wallMs: number; cpuMs: number }> {
  model.compile({ optimizer: new RMSprop(), loss: 'mae' });
  const { x, y } = seededBatch(jenaBatch);
  const t = await time(() => model.trainOnBatch(x, y), { warmup: 1, runs });
  tf.dispose([x, y]);
  model.dispose();
  return { wallMs: t.medianMs, cpuMs: t.cpuMs };
}

async function child(threads: number): Promise<void> {
  await useBackend('wasm', { threads });
  const got = backendInfo()?.threads;
  if (got !== threads) throw new Error(`threads bench: asked ${threads} threads, got ${got}`);
  const out: Measured = {};
  const a = tf.randomNormal([1024, 1024], 0, 1, 'float32', 1);
  const b = tf.randomNormal([1024, 1024], 0, 1, 'float32', 2);
  const mm = await time(() => tf.tidy(() => tf.matMul(a, b).dataSync()), { warmup: 1, runs });
  out['matMul 1024³'] = { wallMs: mm.medianMs, cpuMs: mm.cpuMs };
  tf.dispose([a, b]);
  out['Dense(512)×2 step'] = await stepTiming(denseHeavy());
  out['jena-dense step'] = await stepTiming(jenaModel('dense'));
  out['jena-gru step'] = await stepTiming(jenaModel('gru'));
  console.log(`RESULT ${JSON.stringify(out)}`);
}

function median(values: number[]): number {
  const s = [...values].sort((p, q) => p - q);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function parent(): void {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const results: Record<number, Measured[]> = { 1: [], 2: [] };
  const load = [loadavg()[0]];
  for (let r = 0; r < rounds; r++) {
    for (const threads of [1, 2]) {
      const run = spawnSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), `${threads}`],
        {
          encoding: 'utf8',
        },
      );
      const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) throw new Error(`threads bench: the ${threads}-thread child failed:\n${run.stderr}`);
      results[threads].push(JSON.parse(line.slice(7)));
      load.push(loadavg()[0]);
    }
  }
  const rows = Object.keys(results[1][0]).map((workload) => {
    const m = (threads: number, key: 'wallMs' | 'cpuMs') =>
      median(results[threads].map((x) => x[workload][key]));
    return {
      workload,
      '1 thread wall ms': Math.round(m(1, 'wallMs')),
      '2 threads wall ms': Math.round(m(2, 'wallMs')),
      'wall 1/2': (m(1, 'wallMs') / m(2, 'wallMs')).toFixed(2),
      '1 thread cpu ms': Math.round(m(1, 'cpuMs')),
      '2 threads cpu ms': Math.round(m(2, 'cpuMs')),
    };
  });
  printTable(rows);
  console.log(
    `load average (1 min): ${load.map((l) => l.toFixed(1)).join(' → ')} on ${availableParallelism()} cores; medians of ${rounds} alternating child processes × ${runs} steps`,
  );
  writeResults('backend-threads', { rounds, runs, load, rows });
}

const arg = process.argv[2];
if (arg) await child(Number(arg));
else parent();
