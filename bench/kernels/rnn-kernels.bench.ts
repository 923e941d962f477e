/**
 * Micro-benchmark of @tensorseq/kernels: forward + backward through time of the chapter's two recurrent
 * models' layers and sgemm throughput, WebAssembly SIMD vs the TypeScript fallback (the baseline).
 *
 * Run: pnpm bench kernels
 *
 * Shapes: imdb-lstm's LSTM(32) on batch 128 × 500 steps × 32 features; jena-gru's GRU(32) on batch
 * 128 × 240 steps × 14 features (resetAfter false, the book's Keras 2); sgemm 1024³ and the input
 * projection [64000, 32] @ [32, 128]. Inputs are seeded. Besides wall-clock medians (measure.ts), the
 * table reports the median process CPU time of the same runs: on a shared machine it is the steadier
 * figure (single-threaded code, so CPU time ≈ wall time on an idle machine).
 */
import {
  type KernelsBackend,
  type RnnSequenceArgs,
  rnnSequenceBackward,
  rnnSequenceForward,
  setKernelsBackend,
  sgemm,
} from '@tensorseq/kernels';
import { printTable, type Timing, time, writeResults } from '../src/measure';

/** Wall-clock timing from measure.ts plus the median CPU time (user + system) of the same runs. */
async function timeWithCpu(fn: () => unknown, runs: number): Promise<Timing & { cpuMs: number }> {
  const cpuRuns: number[] = [];
  const wall = await time(
    () => {
      const before = process.cpuUsage();
      fn();
      const used = process.cpuUsage(before);
      cpuRuns.push((used.user + used.system) / 1000);
    },
    { runs },
  );
  const timed = cpuRuns.slice(1).sort((a, b) => a - b); // the first entry is the warm-up run
  return { ...wall, cpuMs: timed[timed.length >> 1] };
}

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

function filled(n: number, rand: () => number, scale = 1): Float32Array {
  return Float32Array.from({ length: n }, () => rand() * scale);
}

function rnnArgs(
  cell: 'lstm' | 'gru',
  batch: number,
  steps: number,
  features: number,
  units: number,
): RnnSequenceArgs {
  const rand = seeded(42);
  const g = cell === 'lstm' ? 4 : 3;
  return {
    cell,
    batch,
    time: steps,
    features,
    units,
    x: filled(batch * steps * features, rand, 2),
    kernel: filled(features * g * units, rand, 0.4),
    recurrentKernel: filled(units * g * units, rand, 0.4),
    bias: filled(g * units, rand, 0.1),
    initialStates: (cell === 'lstm' ? [0, 1] : [0]).map(() => new Float32Array(batch * units)),
    mask: null,
    inputDropoutMask: null,
    recurrentDropoutMask: null,
    activation: 'tanh',
    recurrentActivation: 'sigmoid',
    resetAfter: false,
    goBackwards: false,
  };
}

const rows: Record<string, string | number>[] = [];
const gemmRows: Record<string, string | number>[] = [];
const backends: KernelsBackend[] = ['wasm', 'js'];

for (const [name, args] of [
  ['lstm B128 T500 F32 U32', rnnArgs('lstm', 128, 500, 32, 32)],
  ['gru B128 T240 F14 U32', rnnArgs('gru', 128, 240, 14, 32)],
] as const) {
  const dOutputs = filled(args.batch * args.time * args.units, seeded(7));
  const dFinal = args.initialStates.map(() => null);
  for (const backend of backends) {
    const runs = backend === 'js' ? 3 : 7;
    const fwd = await timeWithCpu(() => rnnSequenceForward(args, { backend }), runs);
    const saved = rnnSequenceForward(args, { backend });
    const bwd = await timeWithCpu(
      () => rnnSequenceBackward(args, saved, dOutputs, dFinal, { backend }),
      runs,
    );
    rows.push({
      case: name,
      backend,
      'forward ms': fwd.medianMs,
      'backward ms': bwd.medianMs,
      'total ms': fwd.medianMs + bwd.medianMs,
      'total cpu ms': fwd.cpuMs + bwd.cpuMs,
    });
  }
}

for (const [name, m, n, k] of [
  ['sgemm 1024x1024x1024', 1024, 1024, 1024],
  ['sgemm [64000,32]@[32,128]', 64000, 128, 32],
  ['sgemm [128,32]@[32,128] (per step)', 128, 128, 32],
] as const) {
  const rand = seeded(1);
  const a = filled(m * k, rand);
  const b = filled(k * n, rand);
  const c = new Float32Array(m * n);
  for (const backend of backends) {
    setKernelsBackend(backend);
    const reps = m * n * k < 1e7 ? 200 : 1;
    const t = await timeWithCpu(
      () => {
        for (let r = 0; r < reps; r++) sgemm(false, false, m, n, k, a, b, c);
      },
      backend === 'js' ? 3 : 7,
    );
    const ms = t.medianMs / reps;
    const cpuMs = t.cpuMs / reps;
    gemmRows.push({
      case: name,
      backend,
      'total ms': ms,
      'total cpu ms': cpuMs,
      'GFLOP/s': (2 * m * n * k) / ms / 1e6,
      'GFLOP/s (cpu)': (2 * m * n * k) / cpuMs / 1e6,
    });
  }
}

printTable(rows);
console.log('');
printTable(gemmRows);
console.log(`results: ${writeResults('kernels-rnn-kernels', { rnn: rows, sgemm: gemmRows })}`);
