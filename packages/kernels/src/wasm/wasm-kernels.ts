import { CELL_CODES } from '../activation-code';
import type { RnnPlan } from '../rnn-plan';
import type { RnnSequenceGrads, RnnSequenceResult, RnnSequenceSaved } from '../types';
import { KERNELS_WASM_BASE64 } from './kernels-wasm.generated';
import { type WasmGlobal, type WasmMemory, webAssembly } from './webassembly-api';

/** The WebAssembly implementation, once compiled. */
export interface WasmKernels {
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
  ): void;
  forward(plan: RnnPlan, training: boolean): RnnSequenceResult;
  backward(
    plan: RnnPlan,
    forward: RnnSequenceResult,
    dOutputs: Float32Array | null,
    dFinalStates: (Float32Array | null)[],
  ): RnnSequenceGrads;
}

interface KernelsExports {
  memory: WasmMemory;
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
}

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

// (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt): validates only where SIMD is supported.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98,
  11,
]);

let supported: boolean | null = null;

/** Whether this runtime has WebAssembly with the SIMD proposal (Node ≥ 16.4, all current browsers). */
export function wasmSupported(): boolean {
  if (supported === null) {
    try {
      supported = webAssembly()?.validate(SIMD_PROBE) === true;
    } catch {
      supported = false;
    }
  }
  return supported === true;
}

function wasmBytes(): Uint8Array {
  const binary = atob(KERNELS_WASM_BASE64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Compiles and instantiates the module synchronously (fine in Node and in workers). */
export function loadWasmKernels(): WasmKernels {
  const wasm = webAssembly()!;
  const instance = new wasm.Instance(new wasm.Module(wasmBytes()), {});
  return new WasmRuntime(instance.exports as unknown as KernelsExports);
}

/** Compiles and instantiates the module without blocking (required on browsers' main threads). */
export async function loadWasmKernelsAsync(): Promise<WasmKernels> {
  const { instance } = await webAssembly()!.instantiate(wasmBytes(), {});
  return new WasmRuntime(instance.exports as unknown as KernelsExports);
}

const PAGE = 65536;
/** wasm32 addresses are 32-bit: 65536 pages of 64 KiB. */
const MAX_BYTES = 2 ** 32;

/** Thrown when a call does not fit in wasm32 memory; callers fall back to the TypeScript kernels. */
export class WasmOutOfMemoryError extends RangeError {
  constructor(bytes: number) {
    super(`kernels: wasm memory must fit in 4 GiB. Received: bytes=${bytes}.`);
    this.name = 'WasmOutOfMemoryError';
  }
}

/**
 * A bump allocator over the module's memory, reset for every call: `reserve` hands out 16-byte aligned
 * offsets, `commit` grows the memory once and copies the pending inputs in (views are re-created after
 * growing because growth detaches the old ArrayBuffer).
 */
class Arena {
  top: number;
  private readonly pending: { offset: number; data: Float32Array }[] = [];

  constructor(
    private readonly memory: WasmMemory,
    base: number,
  ) {
    this.top = base;
  }

  reserve(floats: number): number {
    const offset = (this.top + 15) & ~15;
    this.top = offset + floats * 4;
    return offset;
  }

  input(data: Float32Array | null): number {
    if (data === null) return 0;
    const offset = this.reserve(data.length);
    this.pending.push({ offset, data });
    return offset;
  }

  commit(): Float32Array {
    if (this.top > MAX_BYTES) throw new WasmOutOfMemoryError(this.top);
    const needed = this.top - this.memory.buffer.byteLength;
    if (needed > 0) {
      try {
        this.memory.grow(Math.ceil(needed / PAGE));
      } catch {
        // The engine or the machine refused: same outcome as exceeding wasm32's address space.
        throw new WasmOutOfMemoryError(this.top);
      }
    }
    const heap = new Float32Array(this.memory.buffer);
    for (const { offset, data } of this.pending) heap.set(data, offset >> 2);
    return heap;
  }
}

type SavedName = 'xs' | 'gates' | 'hIn' | 'aux' | 'aux2';
const SAVED_NAMES: readonly SavedName[] = ['xs', 'gates', 'hIn', 'aux', 'aux2'];

/**
 * Saved buffers that stay in the module's memory after a training forward, so the usual
 * forward → backward sequence copies nothing (copying ~70 MB out of wasm and back costs as much as the
 * LSTM math itself). They are copied out ("spilled") when another kernel call needs the memory, unless
 * a backward pass already consumed them; reading a field from JS copies them out too.
 */
class ResidentSaved implements RnnSequenceSaved {
  readonly complete = true;
  private copied: Record<SavedName, Float32Array> | null = null;
  resident = true;

  constructor(
    private readonly memory: WasmMemory,
    readonly offsets: Record<SavedName, number>,
    readonly lengths: Record<SavedName, number>,
    /** First byte after the region, where a backward pass that reads it in place starts allocating. */
    readonly end: number,
  ) {}

  get xs(): Float32Array {
    return this.materialize().xs;
  }
  get gates(): Float32Array {
    return this.materialize().gates;
  }
  get hIn(): Float32Array {
    return this.materialize().hIn;
  }
  get aux(): Float32Array {
    return this.materialize().aux;
  }
  get aux2(): Float32Array {
    return this.materialize().aux2;
  }

  materialize(): Record<SavedName, Float32Array> {
    if (this.copied === null) {
      if (!this.resident) {
        throw new RangeError(
          'rnnSequenceBackward: forward must be differentiated before later kernel calls once it has been differentiated (the wasm backend then releases its saved buffers). Received: forward.saved=released.',
        );
      }
      const copy = {} as Record<SavedName, Float32Array>;
      for (const name of SAVED_NAMES) {
        copy[name] = new Float32Array(this.memory.buffer, this.offsets[name], this.lengths[name]).slice();
      }
      this.copied = copy;
    }
    return this.copied;
  }
}

class WasmRuntime implements WasmKernels {
  /** The last training forward's saved buffers while they live in wasm memory. */
  private resident: { saved: ResidentSaved; consumed: boolean } | null = null;

  private readonly base: number;

  constructor(private readonly exports: KernelsExports) {
    this.base = exports.__heap_base.value as number;
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
    this.evict();
    const arena = new Arena(this.exports.memory, this.base);
    const pa = arena.input(a.subarray(0, m * k));
    const pb = arena.input(b.subarray(0, k * n));
    const pc = accumulate ? arena.input(c.subarray(0, m * n)) : arena.reserve(m * n);
    arena.commit();
    this.exports.sgemm(+transA, +transB, m, n, k, pa, pb, pc, +accumulate);
    c.set(new Float32Array(this.exports.memory.buffer, pc, m * n));
  }

  forward(plan: RnnPlan, training: boolean): RnnSequenceResult {
    const { args, gu } = plan;
    const { batch: B, time: T, features: F, units: U } = args;
    const lstm = args.cell === 'lstm';
    const rdm = args.recurrentDropoutMask;
    const steps = training ? T : 1;
    const auxSize = args.cell === 'simpleRnn' ? 0 : steps * B * U;
    const aux2Size = lstm || (args.cell === 'gru' && rdm !== null) ? steps * B * U : 0;
    this.evict();
    const arena = new Arena(this.exports.memory, this.base);
    const params = arena.reserve(PARAM_FIELDS.length);
    const p: Partial<Record<ParamField, number>> = {
      ...this.headerOf(plan, training),
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
      xs: arena.reserve(T * B * F),
      gx: arena.reserve(T * B * gu),
      gates: arena.reserve(steps * B * gu),
      hin: arena.reserve(steps * B * U),
      aux: arena.reserve(auxSize),
      aux2: arena.reserve(aux2Size),
      gh: arena.reserve(B * gu),
    };
    this.run(arena, params, p, 'rnn_forward');
    const read = (offset: number, length: number) =>
      new Float32Array(this.exports.memory.buffer, offset, length).slice();
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
        this.exports.memory,
        { xs: p.xs!, gates: p.gates!, hIn: p.hin!, aux: p.aux!, aux2: p.aux2! },
        { xs: T * B * F, gates: T * B * gu, hIn: T * B * U, aux: auxSize, aux2: aux2Size },
        arena.top,
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
  ): RnnSequenceGrads {
    const { args, gu } = plan;
    const { batch: B, time: T, features: F, units: U } = args;
    const lstm = args.cell === 'lstm';
    const { saved } = forward;
    const inPlace = this.resident?.saved === saved ? this.resident : null;
    if (inPlace === null) this.evict();
    // Reading the resident buffers in place: allocate above them instead of copying them in.
    const arena = new Arena(this.exports.memory, inPlace ? inPlace.saved.end : this.base);
    const savedAt = (name: SavedName, hostName: ParamField): Partial<Record<ParamField, number>> => ({
      [hostName]: inPlace ? inPlace.saved.offsets[name] : arena.input(saved[name]),
    });
    const params = arena.reserve(PARAM_FIELDS.length);
    const zeros = new Float32Array(B * U);
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
      dkernel: arena.reserve(F * gu),
      drk: arena.reserve(U * gu),
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
    const read = (offset: number, length: number) =>
      new Float32Array(this.exports.memory.buffer, offset, length).slice();
    const dInitialStates = [read(p.h!, B * U)];
    if (lstm) dInitialStates.push(read(p.c!, B * U));
    return {
      dx: read(p.dx!, B * T * F),
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
    const block = new Int32Array(this.exports.memory.buffer, params, PARAM_FIELDS.length);
    PARAM_FIELDS.forEach((field, i) => {
      block[i] = p[field] ?? 0;
    });
    this.exports[entry](params);
  }
}
