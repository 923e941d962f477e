import { resolveBackend, wasmKernels } from './backend';
import { copyInto } from './copy-into';
import { tapBiasGradJs, tapGatherJs, tapScatterJs } from './js/tap-gather-js';
import type {
  TapBiasArgs,
  TapGatherArgs,
  TapScatterArgs,
  TapScatterGrads,
  TapShape,
} from './tap-gather-types';
import type { KernelsBackend } from './types';
import { IdOutOfRangeError, WasmOutOfMemoryError } from './wasm/wasm-kernels';

const BIAS_SIZES = ['batch', 'steps', 'filters', 'size'] as const;
const TAP_SIZES = [...BIAS_SIZES, 'vocab'] as const;

function checkSizes(
  owner: string,
  a: TapBiasArgs & { vocab?: number },
  names: readonly (typeof TAP_SIZES)[number][],
): void {
  for (const name of names) {
    const v = a[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      throw new RangeError(`${owner}: ${name} must be an integer ≥ 1. Received: ${name}=${String(v)}.`);
  }
  if (a.size > a.steps)
    throw new RangeError(`${owner}: size must be at most steps = ${a.steps}. Received: size=${a.size}.`);
  if (a.activation !== 'linear' && a.activation !== 'relu')
    throw new RangeError(
      `${owner}: activation must be "linear" or "relu". Received: activation=${JSON.stringify(a.activation)}.`,
    );
}

function checkShape(owner: string, a: TapShape): void {
  checkSizes(owner, a, TAP_SIZES);
  checkArray(owner, 'ids', a.ids, Int32Array, a.batch * a.steps, 'batch*steps');
}

/**
 * An id outside the table would read (or, backward, write) another row's memory. The WebAssembly
 * kernels check their copy of the ids themselves (a SIMD pass, where this loop over a shared array
 * took about 0.3 ms per call for imdb-conv1d's 64,000 ids); the JavaScript ones use this.
 */
function checkIds(owner: string, a: TapShape): void {
  for (let i = 0; i < a.ids.length; i++) {
    const id = a.ids[i];
    if (id < 0 || id >= a.vocab) throw idError(owner, i, id, a.vocab);
  }
}

function idError(owner: string, index: number, id: number, vocab: number): RangeError {
  return new RangeError(`${owner}: ids must be in [0, ${vocab - 1}]. Received: ids[${index}]=${id}.`);
}

/**
 * Runs a WebAssembly tap kernel: undefined when it ran out of memory (the caller falls back to JS); an id
 * outside the table it found becomes the caller's error.
 */
function runWasm<T>(owner: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof IdOutOfRangeError) throw idError(owner, error.index, error.value, error.vocab);
    if (!(error instanceof WasmOutOfMemoryError)) throw error;
    return undefined;
  }
}

function checkArray(
  owner: string,
  name: string,
  value: unknown,
  type: typeof Float32Array | typeof Int32Array,
  length: number,
  shape: string,
): void {
  if (!(value instanceof type) || value.length !== length)
    throw new RangeError(
      `${owner}: ${name} must be a ${type.name} of ${shape} = ${length} elements. Received: ${name}.length=${(value as ArrayLike<number> | null)?.length}.`,
    );
}

/**
 * A stride-1 'valid' Conv1D of embedded ids, read from a table of each word's per-tap products:
 * `y[b, t, f] = act(Σ_j table[ids[b, t + j], j·F + f] + bias[f])`. Where the vocabulary is smaller than
 * the batch's output steps this is far less work than convolving `embeddings[ids]`: the table costs one
 * matMul of the vocabulary. WebAssembly SIMD, threads split the batch.
 *
 * @param args The sizes, the ids, the table and the bias.
 * @param options `backend`, and `into` (an array of y's length to write y into).
 * @returns y [batch, steps - size + 1, filters] (`options.into` when given).
 * @throws RangeError when a size, an array or an id does not match.
 * @example
 * ```ts
 * import { tapGather } from '@tensorseq/kernels';
 * tapGather({
 *   batch: 1, steps: 2, filters: 1, size: 2, vocab: 2, activation: 'linear',
 *   ids: Int32Array.of(0, 1), table: Float32Array.of(1, 10, 2, 20), bias: null,
 * }); // → Float32Array [21]
 * ```
 */
export function tapGather(
  args: TapGatherArgs,
  options: { backend?: KernelsBackend; into?: Float32Array } = {},
): Float32Array {
  checkShape('tapGather', args);
  const { into } = options;
  const outputs = args.batch * (args.steps - args.size + 1) * args.filters;
  if (into !== undefined)
    checkArray('tapGather', 'options.into', into, Float32Array, outputs, 'batch*(steps-size+1)*filters');
  checkArray(
    'tapGather',
    'table',
    args.table,
    Float32Array,
    args.vocab * args.size * args.filters,
    'vocab*size*filters',
  );
  if (args.bias !== null) checkArray('tapGather', 'bias', args.bias, Float32Array, args.filters, 'filters');
  if (resolveBackend('tapGather', options.backend) === 'wasm') {
    const y = runWasm('tapGather', () => wasmKernels().tapGather(args, into ?? null));
    if (y !== undefined) return y;
  }
  checkIds('tapGather', args);
  return copyInto(tapGatherJs(args), into);
}

/**
 * The gradients of {@link tapGather} given dL/dy and its output y (relu passes dy where y > 0):
 * `dTable[ids[b, t + j], j·F + f] += dz[b, t, f]` (dense) and `dBias = Σ dz`.
 *
 * @param args The gather's sizes and ids, and whether it had a bias.
 * @param dy dL/dy [batch, steps - size + 1, filters].
 * @param y The gather's output (read only for relu).
 * @param options `backend`, and `into` (an array of dTable's length to write dTable into).
 * @returns dTable [vocab, size·filters] (`options.into` when given) and dBias (null unless `hasBias`).
 * @throws RangeError when a size, an array or an id does not match.
 * @example
 * ```ts
 * import { tapScatter } from '@tensorseq/kernels';
 * tapScatter(args, Float32Array.of(1), y).dTable; // → Float32Array [1, 0, 0, 1]
 * ```
 */
export function tapScatter(
  args: TapScatterArgs,
  dy: Float32Array,
  y: Float32Array,
  options: { backend?: KernelsBackend; into?: Float32Array } = {},
): TapScatterGrads {
  checkShape('tapScatter', args);
  const { into } = options;
  const outputs = args.batch * (args.steps - args.size + 1) * args.filters;
  checkArray('tapScatter', 'dy', dy, Float32Array, outputs, 'batch*(steps-size+1)*filters');
  checkArray('tapScatter', 'y', y, Float32Array, outputs, 'batch*(steps-size+1)*filters');
  if (into !== undefined)
    checkArray(
      'tapScatter',
      'options.into',
      into,
      Float32Array,
      args.vocab * args.size * args.filters,
      'vocab*size*filters',
    );
  if (resolveBackend('tapScatter', options.backend) === 'wasm') {
    const grads = runWasm('tapScatter', () => wasmKernels().tapScatter(args, dy, y, into ?? null));
    if (grads !== undefined) return grads;
  }
  checkIds('tapScatter', args);
  const grads = tapScatterJs(args, dy, y);
  return { ...grads, dTable: copyInto(grads.dTable, into) };
}

/**
 * dL/d(bias) of {@link tapGather} alone: `Σ_{b,t} dz[b, t, f]`, where relu passes dy where y > 0. The same
 * sums, in the same order, as `tapScatter`'s `dBias`, for a gradient that asks for the bias only
 * (WebAssembly SIMD; a branch per element costs far more on real activations).
 *
 * @param args The gather's sizes and activation.
 * @param dy dL/dy [batch, steps - size + 1, filters].
 * @param y The gather's output (read only for relu).
 * @param options `backend`.
 * @returns dBias [filters].
 * @throws RangeError when a size or an array does not match.
 * @example
 * ```ts
 * import { tapBiasGrad } from '@tensorseq/kernels';
 * const args = { batch: 1, steps: 3, filters: 1, size: 2, activation: 'relu' } as const;
 * tapBiasGrad(args, Float32Array.of(1, 2), Float32Array.of(0.5, 0)); // → Float32Array [1]
 * ```
 */
export function tapBiasGrad(
  args: TapBiasArgs,
  dy: Float32Array,
  y: Float32Array,
  options: { backend?: KernelsBackend } = {},
): Float32Array {
  checkSizes('tapBiasGrad', args, BIAS_SIZES);
  const outputs = args.batch * (args.steps - args.size + 1) * args.filters;
  checkArray('tapBiasGrad', 'dy', dy, Float32Array, outputs, 'batch*(steps-size+1)*filters');
  checkArray('tapBiasGrad', 'y', y, Float32Array, outputs, 'batch*(steps-size+1)*filters');
  if (resolveBackend('tapBiasGrad', options.backend) === 'wasm') {
    const dBias = runWasm('tapBiasGrad', () => wasmKernels().tapBiasGrad(args, dy, y));
    if (dBias !== undefined) return dBias;
  }
  return tapBiasGradJs(args, dy, y);
}
