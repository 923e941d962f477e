import { CELL_CODES } from '../activation-code';
import type { Conv1dArgs, Conv1dGrads } from '../conv1d-types';
import type { RnnPlan } from '../rnn-plan';
import type { ThreadPool } from '../threads/thread-pool';
import type { RnnSequenceGrads, RnnSequenceResult, RnnSequenceSaved } from '../types';
import { Arena } from './arena';
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
  rnn_backward_weights(params: number, share: number, shares: number): void;
  sgemm_part(args: number, share: number, shares: number): void;
  conv1d_forward(params: number, share: number, shares: number): void;
  conv1d_backward_spread(params: number, share: number, shares: number): void;
  conv1d_backward_grads(params: number, share: number, shares: number): void;
  gather_rows(table: number, ids: number, n: number, width: number, out: number): void;
  scatter_add_rows(x: number, ids: number, n: number, numRows: number, width: number, out: number): void;
}

/** An int32 array's bits as float32, for Arena.input (a copy that preserves bits). */
function bitsOf(ids: Int32Array): Float32Array {
  return new Float32Array(ids.buffer, ids.byteOffset, ids.length);
}

/** ConvParams field order of csrc/kernels.c: 8 integers, then pointers. */
const CONV_FIELDS = [
  'batch',
  'span',
  'channels',
  'filters',
  'size',
  'dilation',
  'outLength',
  'rows',
  'x',
  'kernel',
  'bias',
  'dy',
  'full',
  'y',
  'dfull',
  'dk',
  'dx',
  'dbias',
  'kflip',
] as const;

type ConvField = (typeof CONV_FIELDS)[number];

/** Below this many multiply-adds a GEMM runs on the calling thread alone (waking workers costs more). */
const PARALLEL_GEMM_MIN = 1 << 19;

/** RnnParams field order of csrc/kernels.c: 10 integers, then pointers. */
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
  'dxs',
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
  };
}

/** The compiled module behind WasmKernels: lays out each call in memory and runs one export. */
export class WasmRuntime implements WasmKernels {
  /** The last training forward's saved buffers while they live in wasm memory. */
  private resident: { saved: ResidentSaved; consumed: boolean } | null = null;

  private readonly base: number;
  private readonly memory: WasmMemory;

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
  }

  /** Threads doing the math. */
  get threads(): number {
    return this.pool?.threads ?? 1;
  }

  /** Stops the worker threads, if any. */
  close(): void {
    this.pool?.close();
  }

  /** Where a call may start allocating: above the resident saved buffers, if any. */
  private freeStart(): number {
    return this.resident === null ? this.base : this.resident.saved.end;
  }

  /** Frees the memory of the resident saved buffers, copying them out first unless already consumed. */
  private evict(): void {
    const r = this.resident;
    if (r === null) return;
    this.resident = null;
    if (!r.consumed) r.saved.materialize();
    r.saved.resident = false;
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
    const arena = new Arena(this.memory, this.freeStart());
    const pa = arena.input(a.subarray(0, m * k));
    const pb = arena.input(b.subarray(0, k * n));
    const pc = accumulate ? arena.input(c.subarray(0, m * n)) : arena.reserve(m * n);
    const pool = m * n * k >= PARALLEL_GEMM_MIN ? this.pool : null;
    const args = pool ? arena.reserve(9) : 0;
    arena.commit();
    if (pool) {
      new Int32Array(this.memory.buffer, args, 9).set([+transA, +transB, m, n, k, pa, pb, pc, +accumulate]);
      pool.run('sgemm_part', args);
    } else {
      this.exports.sgemm(+transA, +transB, m, n, k, pa, pb, pc, +accumulate);
    }
    c.set(new Float32Array(this.memory.buffer, pc, m * n));
  }

  gatherRows(table: Float32Array, ids: Int32Array, width: number, out: Float32Array): void {
    const arena = new Arena(this.memory, this.freeStart());
    const pt = arena.input(table);
    const pi = arena.input(bitsOf(ids));
    const po = arena.reserve(out.length);
    arena.commit();
    this.exports.gather_rows(pt, pi, ids.length, width, po);
    out.set(new Float32Array(this.memory.buffer, po, out.length));
  }

  scatterAddRows(x: Float32Array, ids: Int32Array, numRows: number, width: number, out: Float32Array): void {
    const arena = new Arena(this.memory, this.freeStart());
    const px = arena.input(x);
    const pi = arena.input(bitsOf(ids));
    const po = arena.reserve(out.length);
    arena.commit();
    this.exports.scatter_add_rows(px, pi, ids.length, numRows, width, po);
    out.set(new Float32Array(this.memory.buffer, po, out.length));
  }

  conv1dForward(a: Conv1dArgs, rows: number): Float32Array {
    const p = this.runConv(a, rows, ['conv1d_forward'], (arena) => ({
      bias: arena.input(a.bias),
      full: arena.reserve(rows * a.filters),
      y: arena.reserve(a.batch * a.outLength * a.filters),
    }));
    return this.read(p.y!, a.batch * a.outLength * a.filters);
  }

  conv1dBackward(a: Conv1dArgs, rows: number, dy: Float32Array): Conv1dGrads {
    const p = this.runConv(a, rows, ['conv1d_backward_spread', 'conv1d_backward_grads'], (arena) => ({
      dy: arena.input(dy),
      dfull: arena.reserve((rows + 2 * (a.size - 1) * a.dilation) * a.filters),
      dk: arena.reserve(a.kernel.length),
      kflip: arena.reserve(a.kernel.length),
      dx: arena.reserve(a.x.length),
      dbias: a.bias === null ? 0 : arena.reserve(a.filters),
    }));
    return {
      dx: this.read(p.dx!, a.x.length),
      dKernel: this.read(p.dk!, a.kernel.length),
      dBias: a.bias === null ? null : this.read(p.dbias!, a.filters),
    };
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

  /** Lays out a conv call (sizes, x, kernel, plus `fields`), runs its phases, returns the layout. */
  private runConv(
    a: Conv1dArgs,
    rows: number,
    phases: ('conv1d_forward' | 'conv1d_backward_spread' | 'conv1d_backward_grads')[],
    fields: (arena: Arena) => Partial<Record<ConvField, number>>,
  ): Partial<Record<ConvField, number>> {
    const arena = new Arena(this.memory, this.freeStart());
    const params = arena.reserve(CONV_FIELDS.length);
    const p: Partial<Record<ConvField, number>> = {
      ...convHeader(a, rows),
      x: arena.input(a.x),
      kernel: arena.input(a.kernel),
      ...fields(arena),
    };
    arena.commit();
    const block = new Int32Array(this.memory.buffer, params, CONV_FIELDS.length);
    CONV_FIELDS.forEach((field, i) => {
      block[i] = p[field] ?? 0;
    });
    for (const phase of phases) {
      if (this.pool === null) this.exports[phase](params, 0, 1);
      else this.pool.run(phase, params);
    }
    return p;
  }

  forward(plan: RnnPlan, training: boolean): RnnSequenceResult {
    const { args, gu } = plan;
    const { batch: B, time: T, features: F, units: U } = args;
    const lstm = args.cell === 'lstm';
    const rdm = args.recurrentDropoutMask;
    const steps = training ? T : 1;
    const auxSize = args.cell === 'simpleRnn' ? 0 : steps * B * U;
    const aux2Size = lstm || (args.cell === 'gru' && rdm !== null) ? steps * B * U : 0;
    // A training forward's buffers become the new resident set; inference allocates above the current one.
    if (training) this.evict();
    const arena = new Arena(this.memory, this.freeStart());
    // The saved buffers first: a training forward's other buffers (x, outputs, the input projection:
    // about as large) lie above the resident set, so the backward pass reuses their memory instead of
    // growing the heap past both.
    const savedAt = {
      xs: arena.reserve(T * B * F),
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
      x: arena.input(args.x),
      kernel: arena.input(args.kernel),
      rk: arena.input(args.recurrentKernel),
      bias: arena.input(args.bias),
      mask: arena.input(args.mask),
      dm: arena.input(args.inputDropoutMask),
      rdm: arena.input(rdm),
      h: arena.input(args.initialStates[0]),
      c: lstm ? arena.input(args.initialStates[1]) : 0,
      outputs: arena.reserve(B * T * U),
      gx: arena.reserve(T * B * gu),
      gh: arena.reserve(B * gu),
    };
    this.run(arena, params, p, 'rnn_forward');
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
        { xs: T * B * F, gates: T * B * gu, hIn: T * B * U, aux: auxSize, aux2: aux2Size },
        savedEnd,
      );
      this.resident = { saved: resident, consumed: false };
      saved = resident;
    }
    const finalStates = [read(p.h!, B * U)];
    if (lstm) finalStates.push(read(p.c!, B * U));
    return { outputs: read(p.outputs!, B * T * U), finalStates, saved };
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
    const inPlace = this.resident?.saved === saved ? this.resident : null;
    // Resident buffers are read in place; either way this call allocates above them.
    const arena = new Arena(this.memory, this.freeStart());
    const savedAt = (name: SavedName, hostName: ParamField): Partial<Record<ParamField, number>> => ({
      [hostName]: inPlace ? inPlace.saved.offsets[name] : arena.input(saved[name]),
    });
    const params = arena.reserve(PARAM_FIELDS.length);
    const zeros = new Float32Array(B * U);
    // dKernel directly above dRecurrentKernel: the kernel fills both with one GEMM ([F + U, G*U]).
    const dkernel = arena.reserve((F + U) * gu);
    const weightGrads = { dkernel, drk: dkernel + F * gu * 4 };
    const p: Partial<Record<ParamField, number>> = {
      ...this.headerOf(plan, true),
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
      dout: arena.input(dOutputs),
      dx: arena.reserve(B * T * F),
      ...weightGrads,
      dbias: args.bias === null ? 0 : arena.reserve(args.bias.length),
      dg: arena.reserve(T * B * gu),
      dgh: plan.gruAfter ? arena.reserve(T * B * gu) : 0,
      dhin: arena.reserve(B * U),
      dxs: arena.reserve(T * B * F),
      // One step's activation derivatives: the gate block [B, G*U] and lstm's act(c) [B, U].
      gh: arena.reserve(B * gu + B * U),
    };
    this.run(arena, params, p, 'rnn_backward');
    if (inPlace) inPlace.consumed = true;
    const read = (offset: number, length: number) => this.read(offset, length);
    const dInitialStates = [read(p.h!, B * U)];
    if (lstm) dInitialStates.push(read(p.c!, B * U));
    return {
      dx: dxInto === null ? read(p.dx!, B * T * F) : this.readInto(p.dx!, dxInto),
      dKernel: read(p.dkernel!, F * gu),
      dRecurrentKernel: read(p.drk!, U * gu),
      dBias: args.bias === null ? null : read(p.dbias!, args.bias.length),
      dInitialStates,
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
    entry: 'rnn_forward' | 'rnn_backward',
  ): void {
    arena.commit();
    const block = new Int32Array(this.memory.buffer, params, PARAM_FIELDS.length);
    PARAM_FIELDS.forEach((field, i) => {
      block[i] = p[field] ?? 0;
    });
    const { pool } = this;
    if (pool === null) {
      this.exports[entry](params);
    } else if (entry === 'rnn_forward') {
      pool.run('rnn_forward_project', params);
      pool.run('rnn_forward_recur', params);
    } else {
      pool.run('rnn_backward_recur', params);
      pool.run('rnn_backward_weights', params);
    }
  }
}
