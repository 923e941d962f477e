import { sgemm } from '@tensorseq/kernels';

const shapes = [
  [false, false, 8000, 32, 128],
  [true, false, 128, 32, 8000],
  [false, true, 8000, 128, 32],
  [false, false, 8000, 128, 32],
  [false, false, 1024, 1024, 1024],
] as const;
for (const [ta, tb, m, n, k] of shapes) {
  const a = new Float32Array(m * k).fill(0.5),
    b = new Float32Array(k * n).fill(0.25),
    c = new Float32Array(m * n);
  sgemm(ta, tb, m, n, k, a, b, c);
  const reps = 5;
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) sgemm(ta, tb, m, n, k, a, b, c, true);
  const ms = (performance.now() - t0) / reps;
  console.log(ta, tb, m, n, k, ms.toFixed(2), 'ms', ((2 * m * n * k) / ms / 1e6).toFixed(2), 'GFLOP/s');
}
