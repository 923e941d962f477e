import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentInfo, ExperimentResult } from '@tensorseq/example-utils';
import { Embedding, SeedStream, Sequential } from '@tensorseq/layers-core';
import { SimpleRNN } from '@tensorseq/layers-recurrent';
import { naiveRnnForward } from './naive-rnn-forward';

/** The book's sizes: listing 6.19 (100 timesteps of 32 features, 64 outputs) and listings 6.22–6.24. */
const TIMESTEPS = 100;
const INPUT_FEATURES = 32;
const OUTPUT_FEATURES = 64;

/** Embedding(10000, 32) and the given SimpleRNN(32) layers, as in listings 6.22–6.24. */
function embeddingThen(...layers: SimpleRNN[]): Sequential {
  const model = new Sequential();
  model.add(new Embedding({ inputDim: 10000, outputDim: 32, inputLength: 500 }));
  for (const layer of layers) model.add(layer);
  return model;
}

/**
 * The three SimpleRNN models of section 6.2.1 whose `summary()` tables the book prints: the last output
 * only (322,080 parameters), the full sequence (322,080) and four stacked layers (328,320).
 *
 * @example
 * SIMPLE_RNN_MODELS.stacked().countParams(); // → 328320
 */
export const SIMPLE_RNN_MODELS = {
  last: () => embeddingThen(new SimpleRNN({ units: 32 })),
  sequences: () => embeddingThen(new SimpleRNN({ units: 32, returnSequences: true })),
  stacked: () =>
    embeddingThen(
      new SimpleRNN({ units: 32, returnSequences: true }),
      new SimpleRNN({ units: 32, returnSequences: true }),
      new SimpleRNN({ units: 32, returnSequences: true }),
      new SimpleRNN({ units: 32 }),
    ),
};

/** What `pnpm exp rnn-from-scratch` lists. */
export const RNN_FROM_SCRATCH_CATALOG = {
  'forward-pass': {
    title:
      'the naive RNN forward pass in plain TypeScript, checked against SimpleRNN; the SimpleRNN summaries (6.2.1)',
    section: '6.2.1',
    book: {
      metric: 'params',
      goal: 'max',
      values: { params_last: 322080, params_sequences: 322080, params_stacked: 328320 },
      text: '322,080 / 322,080 / 328,320 parameters; output (100, 64)',
    },
  },
} satisfies Record<string, ExperimentInfo>;

/**
 * Runs section 6.2.1: listing 6.19's loop over random inputs and weights (seeded, like `np.random.random`),
 * the same weights in a `SimpleRNN(64, returnSequences)` (kernel `Wᵀ`, recurrent kernel `Uᵀ`) to show the
 * layer computes the loop, and the three models' summary tables.
 *
 * @param options - seed and where lines go.
 * @returns the result: output shape, largest difference from SimpleRNN, parameter counts and tables.
 * @example
 * const result = await runRnnFromScratch({ log: () => {} });
 * result.final.params_stacked; // → 328320
 */
export async function runRnnFromScratch(
  options: { seed?: number; log?: (line: string) => void } = {},
): Promise<ExperimentResult> {
  const { seed = 1337, log = console.log } = options;
  const started = performance.now();
  const seeds = new SeedStream(seed);
  const random = (n: number) => Float32Array.from({ length: n }, () => seeds.nextFloat());
  const inputs = random(TIMESTEPS * INPUT_FEATURES);
  const W = random(OUTPUT_FEATURES * INPUT_FEATURES);
  const U = random(OUTPUT_FEATURES * OUTPUT_FEATURES);
  const b = random(OUTPUT_FEATURES);
  const naive = naiveRnnForward(inputs, TIMESTEPS, { W, U, b });
  log(`Naive RNN: final_output_sequence has shape (${TIMESTEPS}, ${OUTPUT_FEATURES}).`);

  const layerModel = new Sequential();
  layerModel.add(
    new SimpleRNN({ units: OUTPUT_FEATURES, returnSequences: true, inputShape: [TIMESTEPS, INPUT_FEATURES] }),
  );
  layerModel.setWeights([
    { data: transpose(W, OUTPUT_FEATURES, INPUT_FEATURES), shape: [INPUT_FEATURES, OUTPUT_FEATURES] },
    { data: transpose(U, OUTPUT_FEATURES, OUTPUT_FEATURES), shape: [OUTPUT_FEATURES, OUTPUT_FEATURES] },
    { data: b, shape: [OUTPUT_FEATURES] },
  ]);
  const x = tf.tensor3d(inputs, [1, TIMESTEPS, INPUT_FEATURES]);
  const y = layerModel.predict(x) as tf.Tensor;
  const layered = y.dataSync();
  let maxDiff = 0;
  for (let i = 0; i < naive.length; i++) maxDiff = Math.max(maxDiff, Math.abs(naive[i] - layered[i]));
  tf.dispose([x, y]);
  layerModel.dispose();
  log(
    `SimpleRNN(64, returnSequences) with the same weights: largest difference ${maxDiff.toExponential(2)}.`,
  );

  const params: Record<string, number> = {};
  const summaries: Record<string, string[]> = {};
  for (const [name, build] of Object.entries(SIMPLE_RNN_MODELS)) {
    const model = build();
    summaries[name] = model.summary({ printFn: log });
    params[`params_${name}`] = model.countParams();
    model.dispose();
  }
  return {
    experiment: 'forward-pass',
    title: RNN_FROM_SCRATCH_CATALOG['forward-pass'].title,
    section: '6.2.1',
    seed,
    config: {
      timesteps: TIMESTEPS,
      inputFeatures: INPUT_FEATURES,
      outputFeatures: OUTPUT_FEATURES,
      summaries,
    },
    history: {},
    final: {
      output_rows: TIMESTEPS,
      output_columns: OUTPUT_FEATURES,
      max_abs_diff_vs_simplernn: maxDiff,
      ...params,
    },
    book: RNN_FROM_SCRATCH_CATALOG['forward-pass'].book,
    seconds: (performance.now() - started) / 1000,
  };
}

function transpose(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(m.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = m[r * cols + c];
  return out;
}
