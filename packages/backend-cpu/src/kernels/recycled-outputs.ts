import * as tf from '@tensorflow/tfjs-core';
import { kernelsArray, releaseKernelsArray } from '@tensorseq/kernels';
import { type HostBackend, readFloat32Transient } from './host-backend';

/** The backend methods the pool watches (tfjs-backend-cpu's, or tfjs-backend-wasm's behind the host-array cache). */
interface WatchedBackend extends HostBackend {
  read?(dataId: object): Promise<unknown>;
  move?(dataId: object, values: unknown, shape: number[], dtype: tf.DataType, refCount: number): void;
  disposeData(dataId: object, force?: boolean): boolean;
  /** tfjs-backend-cpu's storage: each tensor's record holds the very array it was written with. */
  data?: { get(dataId: object): { values?: unknown } | undefined };
}

/** One array a kernel wrote through the pool, while its tensor lives. */
interface Loan {
  array: Float32Array;
  dataId: object;
}

/** Arrays larger than this are never kept (a 33 MB imdb-conv1d lookup is; a 300 MB one is not). */
const MAX_POOLED_BYTES = 64 * 2 ** 20;
/** Fewest elements worth moving an input into shared memory (smaller ones cost little to copy in). */
const MIN_ADOPTED = 1 << 14;
/** Free arrays kept per length: a step rarely holds more than one lookup of a size at a time. */
const MAX_FREE_PER_LENGTH = 2;

/** Whether `values` is a typed array over shared memory (the kernels' arrays live there). */
function isShared(values: unknown): boolean {
  const buffer = (values as { buffer?: unknown } | null)?.buffer;
  return typeof SharedArrayBuffer === 'function' && buffer instanceof SharedArrayBuffer;
}

/**
 * Float32 output arrays recycled once their tensor is disposed and nobody else can hold them. On this
 * kind of machine the first touch of fresh memory costs more than the work: a new 8 MB array for the
 * imdb Embedding lookup takes ~1,000 page faults (10–20 ms), refilling a used one ~4 ms.
 *
 * An array is handed out again only when all of these hold, so no tensor or caller ever sees it change:
 * - it was disposed through the ordinary path (`disposeData` without `force`: not moved to another
 *   backend) and its refCount reached 0 (Reshape/Identity share the dataId and hold a count);
 * - it was never read outside a kernel (`readSync`/`read` at `engine().state.kernelDepth === 0`: that is
 *   `dataSync()`, `data()`, `array()`, `print()` and backend moves, which give the caller the array
 *   itself on cpu);
 * - it was never written as another tensor's values (`write`/`move` of it or of a view on its buffer:
 *   tfjs-backend-cpu's Slice returns subarray views, and `tf.tensor(array)` keeps the array).
 * Kernels read their inputs only for the duration of the call (tensorseq's recurrent kernels keep a
 * reference for their backward pass, which runs while the tape keeps the input alive).
 *
 * On a backend whose records hold the written array itself (tfjs-backend-cpu), new arrays come from
 * the kernels' shared memory (`kernelsArray`), so the threaded wasm kernels read and write them in
 * place. Such an array never leaves the kernels: a read outside a kernel first swaps the tensor's
 * values for a plain copy (and gives the shared array back), and a write of shared memory as another
 * tensor's values (a Slice view) stores a copy.
 */
class RecycledOutputs {
  private readonly loans = new WeakMap<object, Loan>();
  private readonly byBuffer = new WeakMap<ArrayBufferLike, Loan>();
  private readonly free = new Map<number, Float32Array[]>();
  /** Whether new arrays come from the kernels' shared memory (see the class comment). */
  private readonly sharing: boolean;

  constructor(private readonly backend: WatchedBackend) {
    const { readSync, read, write, move, disposeData } = backend;
    this.sharing = keepsWrittenArrays(backend);
    this.rawWrite = write.bind(backend);
    backend.readSync = (dataId, ...rest: unknown[]) => {
      if (tf.engine().state.kernelDepth === 0) this.escape(dataId);
      return (readSync as (...a: unknown[]) => unknown).call(backend, dataId, ...rest);
    };
    if (read) {
      backend.read = (dataId) => {
        if (tf.engine().state.kernelDepth === 0) this.escape(dataId);
        return read.call(backend, dataId);
      };
    }
    backend.write = (values, shape, dtype) => {
      this.escapeBuffer(values);
      return write.call(backend, this.unshared(values), shape, dtype);
    };
    if (move) {
      backend.move = (dataId, values, shape, dtype, refCount) => {
        this.escapeBuffer(values);
        move.call(backend, dataId, this.unshared(values), shape, dtype, refCount);
      };
    }
    backend.disposeData = (dataId, force) => {
      const freed = disposeData.call(backend, dataId, force);
      const loan = this.loans.get(dataId);
      if (freed && loan) {
        this.forget(dataId);
        if (!force) this.release(loan.array);
      }
      return freed;
    };
  }

  /** The backend's own write, which stores a lent array as it is. */
  private readonly rawWrite: HostBackend['write'];

  /** A float32 array of `length` elements with unspecified contents (a used one when one is free). */
  take(length: number): Float32Array {
    const list = this.free.get(length);
    const array = list?.pop();
    if (list && list.length === 0) this.free.delete(length);
    if (array) return array;
    return this.sharing && length * 4 <= MAX_POOLED_BYTES ? kernelsArray(length) : new Float32Array(length);
  }

  /** Writes `array` (from {@link take}) as a new tensor of this backend and lends it to that tensor. */
  lend(backend: HostBackend, array: Float32Array, shape: number[]): tf.TensorInfo {
    if (isShared(array)) {
      const dataId = this.rawWrite(array, shape, 'float32');
      this.loans.set(dataId, { array, dataId });
      return { dataId, shape, dtype: 'float32' };
    }
    const dataId = backend.write(array, shape, 'float32');
    if (array.byteLength <= MAX_POOLED_BYTES && array.buffer.byteLength === array.byteLength) {
      const loan = { array, dataId };
      this.loans.set(dataId, loan);
      this.byBuffer.set(array.buffer, loan);
    }
    return { dataId, shape, dtype: 'float32' };
  }

  /**
   * The float32 values of `info` for a kernel: moved first into the kernels' shared memory (the tensor's
   * record then holds the copy, lent like an output) when this backend keeps written arrays and they
   * are a large plain array. A model's input that a forward kernel and its gradient both read (a
   * convnet's x) is then copied into WebAssembly memory once, instead of at every call.
   */
  adopt(info: tf.TensorInfo): Float32Array | null {
    if (!this.sharing || info.dtype !== 'float32' || this.loans.has(info.dataId)) return null;
    const record = this.backend.data?.get(info.dataId);
    const values = record?.values;
    if (!(values instanceof Float32Array) || isShared(values)) return null;
    if (values.length < MIN_ADOPTED || values.byteLength > MAX_POOLED_BYTES) return null;
    const copy = this.take(values.length);
    if (!isShared(copy)) {
      this.release(copy);
      return null;
    }
    copy.set(values);
    (record as { values: unknown }).values = copy;
    this.loans.set(info.dataId, { array: copy, dataId: info.dataId });
    return copy;
  }

  /** A loaned tensor's values are about to reach a caller: never recycle them, nor share them. */
  private escape(dataId: object): void {
    const loan = this.loans.get(dataId);
    if (!loan) return;
    this.forget(dataId);
    if (!isShared(loan.array)) return;
    const record = this.backend.data?.get(dataId);
    // Without its record the array may still be reachable: it stays reserved rather than reused.
    if (!record) return;
    record.values = loan.array.slice();
    releaseKernelsArray(loan.array);
  }

  private forget(dataId: object): void {
    const loan = this.loans.get(dataId);
    if (!loan) return;
    this.loans.delete(dataId);
    if (!isShared(loan.array)) this.byBuffer.delete(loan.array.buffer);
  }

  /** `values`, or a plain copy when they are shared memory (kernels' arrays are never stored twice). */
  private unshared<T>(values: T): T {
    return isShared(values) ? ((values as Float32Array).slice() as T) : values;
  }

  private escapeBuffer(values: unknown): void {
    const buffer = (values as { buffer?: unknown } | null)?.buffer;
    if (typeof buffer !== 'object' || buffer === null) return;
    const loan = this.byBuffer.get(buffer as ArrayBufferLike);
    if (loan) this.escape(loan.dataId);
  }

  private release(array: Float32Array): void {
    const list = this.free.get(array.length) ?? [];
    if (list.length >= MAX_FREE_PER_LENGTH) {
      releaseKernelsArray(array);
      return;
    }
    list.push(array);
    this.free.set(array.length, list);
  }
}

/**
 * Whether `backend` stores a written array itself in `data.get(dataId).values` (tfjs-backend-cpu), checked
 * once with a one-element probe: only then can a shared array be swapped for a copy when it escapes.
 */
function keepsWrittenArrays(backend: WatchedBackend): boolean {
  if (typeof backend.data?.get !== 'function') return false;
  const probe = new Float32Array(1);
  const dataId = backend.write(probe, [1], 'float32');
  const keeps = backend.data.get(dataId)?.values === probe;
  backend.disposeData(dataId);
  return keeps;
}

const pools = new WeakMap<object, RecycledOutputs>();

function poolOf(backend: HostBackend): RecycledOutputs {
  let pool = pools.get(backend);
  if (!pool) {
    pool = new RecycledOutputs(backend as WatchedBackend);
    pools.set(backend, pool);
  }
  return pool;
}

/**
 * A float32 array for a kernel's output, with unspecified contents: a disposed output's array when
 * {@link RecycledOutputs} can prove it unshared, else a new one. Fill all of it, then {@link lendOutput}.
 */
export function takeOutput(backend: HostBackend, length: number): Float32Array {
  return poolOf(backend).take(length);
}

/** Writes an array from {@link takeOutput} as a new float32 tensor, to be recycled once it is disposed. */
export function lendOutput(backend: HostBackend, array: Float32Array, shape: number[]): tf.TensorInfo {
  return poolOf(backend).lend(backend, array, shape);
}

/**
 * A float32 input's values for a kernel, moved into the kernels' shared memory first where that pays
 * (see {@link RecycledOutputs.adopt}): read in place by this and every later kernel. Else the values as
 * `readFloat32Transient` gives them.
 */
export function readFloat32Adopted(backend: HostBackend, info: tf.TensorInfo): Float32Array {
  return poolOf(backend).adopt(info) ?? readFloat32Transient(backend, info);
}
