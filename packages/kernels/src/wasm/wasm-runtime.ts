import { ACTIVATION_CODES, CELL_CODES } from '../activation-code';
import type { Conv1dArgs, Conv1dPartialGrads, Conv1dWanted } from '../conv1d-types';
import { conv1dInLength } from '../js/conv1d-padding';
import type { MaxPool1dArgs } from '../max-pool1d-types';
import type { RmspropArgs } from '../rmsprop-types';
import type { RnnPlan } from '../rnn-plan';
import type {
  TapBiasArgs,
  TapGatherArgs,
  TapScatterArgs,
  TapScatterGrads,
  TapShape,
} from '../tap-gather-types';
import type { ShareSplit } from '../threads/share-cut';
import type { ParallelEntry, ThreadPool } from '../threads/thread-pool';
import type { RnnSequenceGrads, RnnSequenceResult, RnnSequenceSaved } from '../types';
import { Arena, IdOutOfRangeError } from './arena';
import { HeapBlocks } from './heap-blocks';
import { ResidentSaved, type SavedName } from './resident-saved';
import type { WasmKernels } from './wasm-kernels';
import type { WasmGlobal, WasmMemory } from './webassembly-api';

/** The module's exports (csrc/kernels.c); the threaded module imports its memory instead. */
export interface KernelsExports {
  memory?: WasmMemory;
  __heap_base: WasmGlobal;
  sgemm(
    ta: number,
    tb: number,
    m: number,
    n: number,
    k: number,
    a: number,
    b: number,
    c: number,
    acc: number,
  ): void;
  rnn_forward(params: number): void;
  rnn_backward(params: number): void;
  rnn_forward_project(params: number, share: number, shares: number): void;
  rnn_forward_recur(params: number, share: number, shares: number): void;
  rnn_backward_recur(params: number, share: number, shares: number): void;
  rnn_backward_embed(params: number, share: number, shares: number): void;
  rnn_backward_weights(params: number, share: number, shares: number): void;
  sgemm_part(args: number, share: number, shares: number): void;
  conv1d_forward(params: number, share: number, shares: number): void;
  conv1d_backward_spread(params: number, share: number, shares: number): void;
  conv1d_backward_grads(params: number, share: number, shares: number): void;
  conv1d_backward_reduce(params: number, share: number, shares: number): void;
  conv1d_set_sparse(allowed: number): void;
  conv1d_sparse_runs(): number;
  maxpool1d_forward(params: number, share: number, shares: number): void;
  maxpool1d_backward(params: number, share: number, shares: number): void;
  rmsprop_update(params: number, share: number, shares: number): void;
  tap_gather(params: number, share: number, shares: number): void;
  tap_scatter(params: number, share: number, shares: number): void;
  first_out_of_range(ids: number, n: number, limit: number): number;
  gather_rows(table: number, ids: number, n: number, width: number, out: number): void;
  scatter_add_rows(x: number, ids: number, n: number, numRows: number, width: number, out: number): void;
}

/** The first `length` elements of `a`: `a` itself when that is all of it (a shared array stays recognisable). */
function leading(a: Float32Array, length: number): Float32Array {
  return a.length === length ? a : a.subarray(0, length);
}

/** An int32 array's bits as float32, for Arena.input (a copy that preserves bits). */
function bitsOf(ids: Int32Array): Float32Array {
  return new Float32Array(ids.buffer, ids.byteOffset, ids.length);
}

/** TapParams field order of csrc/kernels.c: 7 integers, then pointers. */
const TAP_FIELDS = [
  'batch',
  'steps',
  'filters',
  'size',
  'outLength',
  'vocab',
  'relu',
  'ids',
  'table',
  'bias',
  'dy',
  'y',
  'out',
  'dtable',
  'dbias',
  'dz',
] as const;

type TapField = (typeof TAP_FIELDS)[number];

/** Below this many weights the calling thread updates them alone: waking a worker costs more. */
const PARALLEL_RMSPROP_MIN = 1 << 16;

/** RmspropParams field order of csrc/kernels.c: 2 integers, then pointers. */
const RMSPROP_FIELDS = ['n', 'inside', 'p', 'g', 'a', 'out', 'hyper'] as const;

/** ConvParams field order of csrc/kernels.c: 9 integers, then pointers. */
const CONV_FIELDS = [
  'batch',
  'span',
  'channels',
  'filters',
  'size',
  'dilation',
  'outLength',
  'rows',
  'act',
  'x',
  'kernel',
  'bias',
  'dy',
  'y',
  'dfull',
  'dk',
  'dx',
  'dbias',
  'kflip',
  'dkparts',
  'nonzero',
] as const;

type ConvField = (typeof CONV_FIELDS)[number];

/** Rows of the conv backward's dfull per partial dK (DK_CHUNK in csrc/kernels.c). */
const DK_CHUNK = 1024;

/** Below this many multiply-adds a GEMM runs on the calling thread alone (waking workers costs more). */
const PARALLEL_GEMM_MIN = 1 << 19;

/** RnnParams field order of csrc/kernels.c: 10 integers, pointers, then the embedded inputs' fields. */
const PARAM_FIELDS = [
  'cell',
  'batch',
  'time',
  'features',
  'units',
  'act',
  'recAct',
  'resetAfter',
  'goBackwards',
  'training',
  'x',
  'kernel',
  'rk',
  'bias',
  'mask',
  'dm',
  'rdm',
  'h',
  'c',
  'outputs',
  'xs',
  'gx',
  'gates',
  'hin',
  'aux',
  'aux2',
  'gh',
  'dout',
  'dx',
  'dkernel',
  'drk',
  'dbias',
  'dg',
  'dgh',
  'dhin',
  'vocab',
  'ids',
  'proj',
] as const;

type ParamField = (typeof PARAM_FIELDS)[number];

function convHeader(a: Conv1dArgs, rows: number): Partial<Record<ConvField, number>> {
  return {
    batch: a.batch,
    span: a.span,
    channels: a.channels,
    filters: a.filters,
    size: a.size,
    dilation: a.dilation,
    outLength: a.outLength,
    rows,
    act: ACTIVATION_CODES[a.activation ?? 'linear'],
  };
}

/** PoolParams field order of csrc/kernels.c: 7 integers, then pointers. */
const POOL_FIELDS = [
  'batch',
  'inLength',
  'channels',
  'size',
  'stride',
  'padLeft',
  'outLength',
  'x',
  'dy',
  'y',
  'dx',
] as const;

type PoolField = (typeof POOL_FIELDS)[number];

/**
 * The most training forwards whose saved buffers stay in wasm memory together: a model's stacked and
 * bidirectional layers run their forwards before any backward, and each forward past these spills the
 * older ones to JS memory (a copy of tens of MB, and as much again to copy back for the backward).
 */
const MAX_RESIDENT_SETS = 8;
/** Bytes of wasm memory the resident saved buffers may hold before a training forward spills them. */
const MAX_RESIDENT_BYTES = 2 ** 30;
/** Resident saved buffers (bytes) above which kernelsArray hands out ordinary arrays (see takeShared). */
const MAX_RESIDENT_BESIDE_SHARED = 16 * 2 ** 20;

interface ResidentEntry {
  saved: ResidentSaved;
  /** A backward pass has read it: its memory may be reused once nothing above it is live. */
  consumed: boolean;
}

/** The compiled module behind WasmKernels: lays out each call in memory and runs one export. */
export class WasmRuntime implements WasmKernels {
  /** Training forwards' saved buffers living in wasm memory, oldest (lowest) first. */
  private readonly resident: ResidentEntry[] = [];

  private readonly base: number;
  private readonly memory: WasmMemory;
  /** Arrays living in the (shared) memory between calls, read and written in place; null when unshared. */
  private readonly blocks: HeapBlocks | null;

  /**
   * @param exports The instance's exports.
   * @param memory Its memory (exported by the single-threaded module, imported by the threaded one).
   * @param base Where calls may start allocating (above the workers' stacks in the threaded module).
   * @param pool The worker threads sharing `memory`, or null to run on the calling thread.
   */
  constructor(
    private readonly exports: KernelsExports,
    memory?: WasmMemory,
    base?: number,
    private readonly pool: ThreadPool | null = null,
  ) {
    this.memory = memory ?? (exports.memory as WasmMemory);
    this.base = base ?? (exports.__heap_base.value as number);
    const shared = typeof SharedArrayBuffer === 'function' && this.memory.buffer instanceof SharedArrayBuffer;
    this.blocks = shared ? new HeapBlocks(this.memory, () => this.residentTop()) : null;
  }

  /**
   * A float32 array in this module's memory that the kernels read and write in place, or null where
   * the memory is not shared (growing it would detach the array) or cannot grow.
   */
  takeShared(length: number): Float32Array | null {
    // A block taken above large resident sets leaves a hole of their size once they go (the next
    // forward's sets are placed above every block): imdb-bilstm's 130 MB of saved LSTM buffers made
    // peak RSS 1.6× higher. Beside small sets (jena-conv-gru's GRU: 7 MB) sharing pays.
    if (this.residentBytes() > MAX_RESIDENT_BESIDE_SHARED) return null;
    return this.blocks?.take(length) ?? null;
  }

  /** Returns an array from {@link WasmRuntime.takeShared} for reuse (a no-op for any other array). */
  releaseShared(array: Float32Array): void {
    this.blocks?.release(array);
  }

  /** Threads doing the math. */
  get threads(): number {
    return this.pool?.threads ?? 1;
  }

  /** Stops the worker threads, if any. */
  close(): void {
    this.pool?.close();
  }

  /** Bytes the resident saved buffers hold. */
  private residentBytes(): number {
    let bytes = 0;
    for (const { saved } of this.resident) {
      for (const name of Object.keys(saved.lengths) as SavedName[]) bytes += 4 * saved.lengths[name];
    }
    return bytes;
  }

  /** The first byte above the resident saved buffers, if any. */
  private residentTop(): number {
    const top = this.resident.at(-1);
    return top === undefined ? this.base : top.saved.end;
  }

  /** Where a call may start allocating: above the resident saved buffers and the shared arrays. */
  private freeStart(): number {
    return Math.max(this.residentTop(), this.blocks?.end ?? 0);
  }

  /** A call's bump allocator, above everything that outlives calls. */
  private arena(): Arena {
    return new Arena(this.memory, this.freeStart(), this.blocks);
  }

  /**
   * Makes room for a training forward's saved buffers (`bytes` of them): releases the consumed sets on
   * top (a backward pass already used them, so the usual forward → backward loop reuses one region),
   * and spills every set when too many or too large would stay resident.
   */
  private makeRoom(bytes: number): void {
    for (let top = this.resident.at(-1); top?.consumed; top = this.resident.at(-1)) {
      this.resident.pop();
      top.saved.resident = false;
    }
    const used = this.residentTop() - this.base;
    if (this.resident.length < MAX_RESIDENT_SETS && used + bytes <= MAX_RESIDENT_BYTES) return;
    for (const r of this.resident) {
      if (!r.consumed) r.saved.materialize();
      r.saved.resident = false;
    }
    this.resident.length = 0;
  }

  sgemm(
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    accumulate: boolean,
  ): void {
    const arena = this.arena();
    const pa = arena.shared(leading(a, m * k));
    const pb = arena.shared(leading(b, k * n));
    const cc = leading(c, m * n);
    // C is written in place when it is a shared array no input is read from; else into scratch.
    const inPlace = this.blocks?.offsetOf(cc) ?? -1;
    const pc =
      inPlace >= 0 && arena.output(cc, m * n) === inPlace
        ? inPlace
        : accumulate
          ? arena.input(cc)
          : arena.reserve(m * n);
    const pool = m * n * k >= PARALLEL_GEMM_MIN ? this.pool : null;
    const args = pool ? arena.reserve(9) : 0;
    arena.commit();
    if (pool) {
      new Int32Array(this.memory.buffer, args, 9).set([+transA, +transB, m, n, k, pa, pb, pc, +accumulate]);
      pool.run('sgemm_part', args);
    } else {
      this.exports.sgemm(+transA, +transB, m, n, k, pa, pb, pc, +accumulate);
    }
    if (pc !== inPlace) cc.set(new Float32Array(this.memory.buffer, pc, m * n));
  }

  gatherRows(table: Float32Array, ids: Int32Array, width: number, out: Float32Array): void {
    const arena = this.arena();
    const pt = arena.input(table);
    const pi = arena.input(bitsOf(ids));
    const po = arena.reserve(out.length);
    arena.commit();
    this.exports.gather_rows(pt, pi, ids.length, width, po);
    out.set(new Float32Array(this.memory.buffer, po, out.length));
  }

  scatterAddRows(x: Float32Array, ids: Int32Array, numRows: number, width: number, out: Float32Array): void {
    const arena = this.arena();
    const px = arena.input(x);
    const pi = arena.input(bitsOf(ids));
    const po = arena.reserve(out.length);
    arena.commit();
    this.exports.scatter_add_rows(px, pi, ids.length, numRows, width, po);
    out.set(new Float32Array(this.memory.buffer, po, out.length));
  }

  conv1dForward(a: Conv1dArgs, rows: number, into: Float32Array | null = null): Float32Array {
    const outputs = a.batch * a.outLength * a.filters;
    const p = this.runConv(a, rows, true, ['conv1d_forward'], (arena) => ({
      bias: arena.input(a.bias),
      y: arena.output(into, outputs),
    }));
    return this.readOut(p.y!, outputs, into);
  }

  conv1dBackward(
    a: Conv1dArgs,
    rows: number,
    dy: Float32Array,
    y: Float32Array | null,
    wanted: Conv1dWanted,
    dxInto: Float32Array | null = null,
  ): Conv1dPartialGrads {
    const { weights } = wanted;
    // Undilated, dK is summed from partials over chunks of rows (see conv1d_backward_reduce).
    const parts = weights && a.dilation === 1 ? Math.ceil(rows / DK_CHUNK) * a.kernel.length : 0;
    const phases: ('conv1d_backward_spread' | 'conv1d_backward_grads' | 'conv1d_backward_reduce')[] = [
      'conv1d_backward_spread',
      'conv1d_backward_grads',
    ];
    if (parts > 0) phases.push('conv1d_backward_reduce');
    const p = this.runConv(a, rows, weights, phases, (arena) => ({
      dy: arena.shared(dy),
      y: arena.shared(y),
      dfull: arena.reserve((rows + 2 * (a.size - 1) * a.dilation) * a.filters),
      dk: weights ? arena.reserve(a.kernel.length) : 0,
      kflip: wanted.dx ? arena.reserve(a.kernel.length) : 0,
      // Unpadded, dx is x's shape: written in place into a shared dxInto.
      dx: wanted.dx ? this.convDx(arena, a, dxInto) : 0,
      dbias: weights && a.bias !== null ? arena.reserve(a.filters) : 0,
      dkparts: parts > 0 ? arena.reserve(parts) : 0,
      nonzero: arena.reserve(this.maxShares),
    }));
    return {
      dx: wanted.dx ? this.readUnpadded(p.dx!, a, dxInto) : null,
      dKernel: weights ? this.read(p.dk!, a.kernel.length) : null,
      dBias: p.dbias ? this.read(p.dbias, a.filters) : null,
    };
  }

  allowSparseConvGrads(allowed: boolean): void {
    this.exports.conv1d_set_sparse(+allowed);
  }

  sparseConvGradRuns(): number {
    return this.exports.conv1d_sparse_runs();
  }

  setShareSplit(split: ShareSplit): void {
    if (this.pool) this.pool.split = split;
  }

  fineShareCalls(): number {
    return this.pool?.fineCalls ?? 0;
  }

  /** The most shares one parallel call is cut into: its per-share scratch is reserved for as many. */
  private get maxShares(): number {
    return this.pool?.maxShares ?? 1;
  }

  rmspropUpdate(r: RmspropArgs): void {
    const n = r.p.length;
    const arena = this.arena();
    const params = arena.reserve(RMSPROP_FIELDS.length);
    const hyper = arena.reserve(2 * 3);
    const p = arena.shared(r.p);
    const g = arena.shared(r.g);
    // The average is read and written: in place when shared, else copied in and back.
    const aShared = this.blocks?.offsetOf(r.a) ?? -1;
    const a = aShared >= 0 ? aShared : arena.input(r.a);
    const out = arena.output(r.out, n);
    arena.commit();
    new Float64Array(this.memory.buffer, hyper, 3).set([r.learningRate, r.rho, r.epsilon]);
    const fields = { n, inside: +r.epsilonInside, p, g, a, out, hyper };
    this.writeParams(params, RMSPROP_FIELDS, fields);
    if (n >= PARALLEL_RMSPROP_MIN) this.runShares('rmsprop_update', params);
    else this.exports.rmsprop_update(params, 0, 1);
    if (a !== aShared) this.readInto(a, r.a);
    this.readOut(out, n, r.out);
  }

  maxPool1dForward(a: MaxPool1dArgs, into: Float32Array | null = null): Float32Array {
    const outputs = a.batch * a.outLength * a.channels;
    const p = this.runPool(a, 'maxpool1d_forward', (arena) => ({ y: arena.output(into, outputs) }));
    return this.readOut(p.y!, outputs, into);
  }

  maxPool1dBackward(a: MaxPool1dArgs, dy: Float32Array, into: Float32Array | null = null): Float32Array {
    const p = this.runPool(a, 'maxpool1d_backward', (arena) => ({
      dy: arena.shared(dy),
      dx: arena.output(into, a.x.length),
    }));
    return this.readOut(p.dx!, a.x.length, into);
  }

  /** Lays out a max pooling call (sizes and x, plus `fields`) and runs it. */
  private runPool(
    a: MaxPool1dArgs,
    entry: 'maxpool1d_forward' | 'maxpool1d_backward',
    fields: (arena: Arena) => Partial<Record<PoolField, number>>,
  ): Partial<Record<PoolField, number>> {
    const arena = this.arena();
    const params = arena.reserve(POOL_FIELDS.length);
    const { batch, inLength, channels, size, stride, padLeft, outLength } = a;
    const p: Partial<Record<PoolField, number>> = {
      batch,
      inLength,
      channels,
      size,
      stride,
      padLeft,
      outLength,
      x: arena.shared(a.x),
      ...fields(arena),
    };
    arena.commit();
    this.writeParams(params, POOL_FIELDS, p);
    this.runShares(entry, params);
    return p;
  }

  tapGather(a: TapGatherArgs, into: Float32Array | null): Float32Array {
    const outputs = a.batch * (a.steps - a.size + 1) * a.filters;
    const p = this.runTap(a, 'tap_gather', (arena) => ({
      table: arena.shared(a.table),
      bias: arena.input(a.bias),
      out: arena.output(into, outputs),
    }));
    return this.readOut(p.out!, outputs, into);
  }

  tapScatter(
    a: TapScatterArgs,
    dy: Float32Array,
    y: Float32Array,
    into: Float32Array | null,
  ): TapScatterGrads {
    const tableLength = a.vocab * a.size * a.filters;
    const p = this.runTap(a, 'tap_scatter', (arena) => ({
      dy: arena.shared(dy),
      y: a.activation === 'relu' ? arena.shared(y) : 0,
      dtable: arena.output(into, tableLength),
      dbias: a.hasBias ? arena.reserve(a.filters) : 0,
      dz: arena.reserve(this.maxShares * (a.steps - a.size + 1) * a.filters),
    }));
    return {
      dTable: this.readOut(p.dtable!, tableLength, into),
      dBias: a.hasBias ? this.read(p.dbias!, a.filters) : null,
    };
  }

  tapBiasGrad(a: TapBiasArgs, dy: Float32Array, y: Float32Array): Float32Array {
    const p = this.runTap({ ...a, vocab: 1, ids: new Int32Array(0) }, 'tap_scatter', (arena) => ({
      dy: arena.shared(dy),
      y: a.activation === 'relu' ? arena.shared(y) : 0,
      dbias: arena.reserve(a.filters),
    }));
    return this.read(p.dbias!, a.filters);
  }

  /** Lays out a tap gather/scatter call (sizes and ids, plus `fields`) and runs it. */
  private runTap(
    a: TapShape,
    entry: 'tap_gather' | 'tap_scatter',
    fields: (arena: Arena) => Partial<Record<TapField, number>>,
  ): Partial<Record<TapField, number>> {
    const arena = this.arena();
    const params = arena.reserve(TAP_FIELDS.length);
    const p: Partial<Record<TapField, number>> = {
      batch: a.batch,
      steps: a.steps,
      filters: a.filters,
      size: a.size,
      outLength: a.steps - a.size + 1,
      vocab: a.vocab,
      relu: a.activation === 'relu' ? 1 : 0,
      ids: arena.input(bitsOf(a.ids)),
      ...fields(arena),
    };
    arena.commit();
    const bad = this.exports.first_out_of_range(p.ids as number, a.ids.length, a.vocab);
    if (bad >= 0) throw new IdOutOfRangeError(bad, a.ids[bad], a.vocab);
    this.writeParams(params, TAP_FIELDS, p);
    this.runShares(entry, params);
    return p;
  }

  /** Writes a params block at byte `params`: each field's value in `fields` order, 0 when absent. */
  private writeParams<F extends string>(
    params: number,
    fields: readonly F[],
    p: Partial<Record<F, number>>,
  ): void {
    const block = new Int32Array(this.memory.buffer, params, fields.length);
    fields.forEach((field, i) => {
      block[i] = p[field] ?? 0;
    });
  }

  /** Runs a parallel entry point over the threads, or as the single share on the calling thread. */
  private runShares(entry: ParallelEntry, params: number): void {
    if (this.pool === null) this.exports[entry](params, 0, 1);
    else this.pool.run(entry, params);
  }

  /** A copy of `length` floats of wasm memory at byte `offset`. */
  private read(offset: number, length: number): Float32Array {
    return new Float32Array(this.memory.buffer, offset, length).slice();
  }

  /** `into` filled with its length in floats of wasm memory at byte `offset`. */
  private readInto(offset: number, into: Float32Array): Float32Array {
    into.set(new Float32Array(this.memory.buffer, offset, into.length));
    return into;
  }

  /**
   * `length` floats of wasm memory at byte `offset`, in `into` (of that length) or else a new array;
   * no copy when `into` is the shared array the kernel wrote in place.
   */
  private readOut(offset: number, length: number, into: Float32Array | null): Float32Array {
    if (into === null) return this.read(offset, length);
    if (this.blocks !== null && this.blocks.offsetOf(into) === offset) return into;
    return this.readInto(offset, into);
  }

  /** Room for a conv backward's dx: `into` itself when shared and x is unpadded, else new scratch. */
  private convDx(arena: Arena, a: Conv1dArgs, into: Float32Array | null): number {
    const floats = a.batch * a.span * a.channels;
    return conv1dInLength(a) === a.span ? arena.output(into, floats) : arena.reserve(floats);
  }

  /** Where a conv call's x lies: a shared x is read in place unless it must be padded first. */
  private convX(arena: Arena, a: Conv1dArgs): { at: number; padded: boolean } {
    if (conv1dInLength(a) === a.span) return { at: arena.shared(a.x), padded: false };
    return { at: arena.reserve(a.batch * a.span * a.channels), padded: true };
  }

  /**
   * The steps of a padded [batch, span, channels] block at `offset` that belong to `a.x`, in `into` (of
   * `a.x`'s length) or else a new array.
   */
  private readUnpadded(offset: number, a: Conv1dArgs, into: Float32Array | null): Float32Array {
    const steps = conv1dInLength(a);
    if (steps === a.span) return this.readOut(offset, a.x.length, into);
    const c = a.channels;
    const heap = new Float32Array(this.memory.buffer, offset, a.batch * a.span * c);
    const out = into ?? new Float32Array(a.batch * steps * c);
    for (let b = 0; b < a.batch; b++) {
      const from = (b * a.span + (a.padLeft ?? 0)) * c;
      out.set(heap.subarray(from, from + steps * c), b * steps * c);
    }
    return out;
  }

  /** Copies a padded call's `a.x` into the heap at float index `at`, each sample between zeroed steps. */
  private writePadded(heap: Float32Array, at: number, a: Conv1dArgs): void {
    const steps = conv1dInLength(a);
    const c = a.channels;
    const left = (a.padLeft ?? 0) * c;
    for (let b = 0; b < a.batch; b++) {
      const base = at + b * a.span * c;
      heap.fill(0, base, base + left);
      heap.set(a.x.subarray(b * steps * c, (b + 1) * steps * c), base + left);
      heap.fill(0, base + left + steps * c, base + a.span * c);
    }
  }

  /**
   * Lays out a conv call (sizes, the kernel, x when `withX`, plus `fields`), runs its phases, returns
   * the layout.
   */
  private runConv(
    a: Conv1dArgs,
    rows: number,
    withX: boolean,
    phases: (
      | 'conv1d_forward'
      | 'conv1d_backward_spread'
      | 'conv1d_backward_grads'
      | 'conv1d_backward_reduce'
    )[],
    fields: (arena: Arena) => Partial<Record<ConvField, number>>,
  ): Partial<Record<ConvField, number>> {
    const arena = this.arena();
    const params = arena.reserve(CONV_FIELDS.length);
    const x = withX ? this.convX(arena, a) : null;
    const p: Partial<Record<ConvField, number>> = {
      ...convHeader(a, rows),
      x: x?.at ?? 0,
      kernel: arena.input(a.kernel),
      ...fields(arena),
    };
    const heap = arena.commit();
    if (x?.padded) this.writePadded(heap, x.at >> 2, a);
    this.writeParams(params, CONV_FIELDS, p);
    for (const phase of phases) this.runShares(phase, params);
    return p;
  }

  forward(
    plan: RnnPlan,
    training: boolean,
    returnSequences = true,
    outputsInto: Float32Array | null = null,
  ): RnnSequenceResult {
    const { args, gu } = plan;
    const { batch: B, time: T, features: F, units: U } = args;
    const lstm = args.cell === 'lstm';
    const rdm = args.recurrentDropoutMask;
    const steps = training ? T : 1;
    const auxSize = args.cell === 'simpleRnn' ? 0 : steps * B * U;
    const aux2Size = lstm || (args.cell === 'gru' && rdm !== null) ? steps * B * U : 0;
    // A training forward's buffers join the resident sets; inference allocates above them. Embedded
    // inputs (ids) are never gathered: each step copies its rows of the projected table.
    const embedded = plan.vocab > 0;
    const gathered = (training || args.inputDropoutMask !== null) && !embedded;
    if (training) this.makeRoom(4 * (T * B * ((gathered ? F : 0) + gu + U) + auxSize + aux2Size));
    const arena = this.arena();
    // The saved buffers first: a training forward's other buffers (x, outputs, the input projection:
    // about as large) lie above the resident set, so the backward pass reuses their memory instead of
    // growing the heap past both.
    // Inference reads x in place unless an input dropout mask must be applied first.
    const savedAt = {
      xs: arena.reserve(gathered ? T * B * F : 0),
      gates: arena.reserve(steps * B * gu),
      hin: arena.reserve(steps * B * U),
      aux: arena.reserve(auxSize),
      aux2: arena.reserve(aux2Size),
    };
    const savedEnd = arena.top;
    const params = arena.reserve(PARAM_FIELDS.length);
    const p: Partial<Record<ParamField, number>> = {
      ...this.headerOf(plan, training),
      ...savedAt,
      x: embedded ? 0 : arena.shared(args.x),
      kernel: arena.input(args.kernel),
      rk: arena.input(args.recurrentKernel),
      bias: arena.input(args.bias),
      mask: arena.input(args.mask),
      dm: arena.input(args.inputDropoutMask),
      rdm: arena.input(rdm),
      h: arena.input(args.initialStates[0]),
      c: lstm ? arena.input(args.initialStates[1]) : 0,
      // A null outputs pointer tells the kernel to skip writing them.
      outputs: returnSequences ? arena.output(outputsInto, B * T * U) : 0,
      // One step's input and recurrent products.
      gx: arena.reserve(B * gu),
      gh: arena.reserve(B * gu),
      ...this.embeddedFields(plan, arena),
    };
    this.run(arena, params, p, gathered || embedded ? 'rnn_forward' : 'rnn_forward_recur');
    const read = (offset: number, length: number) => this.read(offset, length);
    const empty = new Float32Array(0);
    let saved: RnnSequenceSaved = {
      complete: false,
      xs: empty,
      gates: empty,
      hIn: empty,
      aux: empty,
      aux2: empty,
    };
    if (training) {
      const resident = new ResidentSaved(
        this.memory,
        { xs: p.xs!, gates: p.gates!, hIn: p.hin!, aux: p.aux!, aux2: p.aux2! },
        { xs: gathered ? T * B * F : 0, gates: T * B * gu, hIn: T * B * U, aux: auxSize, aux2: aux2Size },
        savedEnd,
      );
      this.resident.push({ saved: resident, consumed: false });
      saved = resident;
    }
    const finalStates = [read(p.h!, B * U)];
    if (lstm) finalStates.push(read(p.c!, B * U));
    const outputs = returnSequences ? this.readOut(p.outputs!, B * T * U, outputsInto) : empty;
    return { outputs, finalStates, saved };
  }

  backward(
    plan: RnnPlan,
    forward: RnnSequenceResult,
    dOutputs: Float32Array | null,
    dFinalStates: (Float32Array | null)[],
    dxInto: Float32Array | null = null,
  ): RnnSequenceGrads {
    const { args, gu } = plan;
    const { batch: B, time: T, features: F, units: U } = args;
    const lstm = args.cell === 'lstm';
    const { saved } = forward;
    const inPlace = this.resident.find((r) => r.saved === saved) ?? null;
    // Resident buffers are read in place; either way this call allocates above them.
    const arena = this.arena();
    const savedAt = (name: SavedName, hostName: ParamField): Partial<Record<ParamField, number>> => ({
      [hostName]: inPlace ? inPlace.saved.offsets[name] : arena.input(saved[name]),
    });
    const params = arena.reserve(PARAM_FIELDS.length);
    const zeros = new Float32Array(B * U);
    // dKernel directly above dRecurrentKernel: the kernel fills both with one GEMM ([F + U, G*U]).
    const dkernel = arena.reserve((F + U) * gu);
    const weightGrads = { dkernel, drk: dkernel + F * gu * 4 };
    const dxLength = (plan.vocab || B * T) * F;
    const p: Partial<Record<ParamField, number>> = {
      ...this.headerOf(plan, true),
      ...this.embeddedFields(plan, arena),
      kernel: arena.input(args.kernel),
      rk: arena.input(args.recurrentKernel),
      mask: arena.input(args.mask),
      dm: arena.input(args.inputDropoutMask),
      rdm: arena.input(args.recurrentDropoutMask),
      h: arena.input(dFinalStates[0] ?? zeros),
      c: lstm ? arena.input(dFinalStates[1] ?? zeros) : 0,
      ...savedAt('xs', 'xs'),
      ...savedAt('gates', 'gates'),
      ...savedAt('hIn', 'hin'),
      ...savedAt('aux', 'aux'),
      ...savedAt('aux2', 'aux2'),
      dout: arena.shared(dOutputs),
      dx: arena.output(dxInto, dxLength),
      ...weightGrads,
      dbias: args.bias === null ? 0 : arena.reserve(args.bias.length),
      dg: arena.reserve(T * B * gu),
      dgh: plan.gruAfter ? arena.reserve(T * B * gu) : 0,
      dhin: arena.reserve(B * U),
      // One step's activation derivatives: the gate block [B, G*U] and lstm's act(c) [B, U].
      gh: arena.reserve(B * gu + B * U),
    };
    this.run(arena, params, p, 'rnn_backward');
    if (inPlace) inPlace.consumed = true;
    const read = (offset: number, length: number) => this.read(offset, length);
    const dInitialStates = [read(p.h!, B * U)];
    if (lstm) dInitialStates.push(read(p.c!, B * U));
    return {
      dx: this.readOut(p.dx!, dxLength, dxInto),
      dKernel: read(p.dkernel!, F * gu),
      dRecurrentKernel: read(p.drk!, U * gu),
      dBias: args.bias === null ? null : read(p.dbias!, args.bias.length),
      dInitialStates,
    };
  }

  /**
   * With embedded inputs: the table (as x), the ids and the [V, G*U] projection (forward) or its gradient
   * (backward); nothing otherwise (the forward lays x out itself).
   */
  private embeddedFields(plan: RnnPlan, arena: Arena): Partial<Record<ParamField, number>> {
    const { ids, x } = plan.args;
    if (plan.vocab === 0 || !ids) return {};
    return {
      vocab: plan.vocab,
      x: arena.input(x),
      ids: arena.input(bitsOf(ids)),
      proj: arena.reserve(plan.vocab * plan.gu),
    };
  }

  private headerOf(plan: RnnPlan, training: boolean): Partial<Record<ParamField, number>> {
    const { args } = plan;
    return {
      cell: CELL_CODES[args.cell],
      batch: args.batch,
      time: args.time,
      features: args.features,
      units: args.units,
      act: plan.act,
      recAct: plan.recAct,
      resetAfter: +args.resetAfter,
      goBackwards: +args.goBackwards,
      training: +training,
    };
  }

  private run(
    arena: Arena,
    params: number,
    p: Partial<Record<ParamField, number>>,
    entry: 'rnn_forward' | 'rnn_forward_recur' | 'rnn_backward',
  ): void {
    arena.commit();
    this.writeParams(params, PARAM_FIELDS, p);
    const { pool } = this;
    if (entry === 'rnn_forward_recur') {
      // Nothing to gather (inference without input dropout): the recurrence alone.
      this.runShares('rnn_forward_recur', params);
    } else if (pool === null) {
      this.exports[entry](params);
    } else if (entry === 'rnn_forward') {
      pool.run('rnn_forward_project', params);
      pool.run('rnn_forward_recur', params);
    } else {
      pool.run('rnn_backward_recur', params);
      if (p.ids) pool.run('rnn_backward_embed', params);
      pool.run('rnn_backward_weights', params);
    }
  }
}
