/**
 * The Embedding's two kernels at the IMDB models' shapes, on the cpu backend: GatherV2 (the lookup) and
 * UnsortedSegmentSum (its gradient), CPU ms split into user and system, and minor page faults, per call.
 * Each call's output is disposed before the next, as in a training step.
 *
 *   cd bench && node --conditions=@tensorseq/source --import tsx backend/embedding-kernels.ts 32
 */
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '@tensorseq/backend-cpu';

const dim = Number(process.argv[2] ?? 32);
const [rows, batch, time] = [10000, 128, 500];
await useBackend('cpu');
const table = tf.randomUniform([rows, dim], -0.05, 0.05);
const ids = tf.randomUniform([batch * time], 0, rows, 'int32');
const dy = tf.randomUniform([batch * time, dim]);

function time_(name: string, f: () => tf.Tensor, reps: number): void {
  tf.dispose(f());
  const u0 = process.resourceUsage();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) tf.dispose(f());
  const u = process.resourceUsage();
  const per = (v: number) => (v / 1000 / reps).toFixed(2).padStart(7);
  console.log(
    `${name.padEnd(22)} wall ${((performance.now() - t0) / reps).toFixed(2).padStart(7)} user ${per(u.userCPUTime - u0.userCPUTime)} sys ${per(u.systemCPUTime - u0.systemCPUTime)} faults ${String(Math.round((u.minorPageFault - u0.minorPageFault) / reps)).padStart(5)}`,
  );
}
const reps = Number(process.env.REPS ?? 20);
console.log(`Embedding(${rows}, ${dim}), ids [${batch}, ${time}], cpu backend`);
for (let round = 0; round < 2; round++) {
  time_('GatherV2', () => tf.gather(table, ids), reps);
  time_('UnsortedSegmentSum', () => tf.unsortedSegmentSum(dy, ids as tf.Tensor1D, rows), reps);
}
tf.dispose([table, ids, dy]);
console.log(
  `load ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
