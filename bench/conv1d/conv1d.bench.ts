/**
 * `pnpm bench conv1d`: one training step (forward, backward, RMSprop) of the chapter's 1D convnets,
 * tensorseq vs tfjs-layers 4.22 on the cpu backend, in one process. See conv1d-run.ts for the models,
 * options (BENCH_MODELS, BENCH_RUNS) and how each column is measured.
 */
import { register } from 'node:module';

// tfjs-core's gradient and chained-op registrations are ESM deep imports that plain Node cannot resolve.
register('../src/tfjs-esm-resolve.mjs', import.meta.url);
await import('./conv1d-run');
