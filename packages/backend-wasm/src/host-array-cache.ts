import type * as tf from '@tensorflow/tfjs-core';

/** One tensor's record in `BackendWasm`'s data map. */
interface WasmTensorData {
  id: number;
  memoryOffset: number | null;
  shape: number[];
  dtype: tf.DataType;
  refCount: number;
}

/** The `BackendWasm` fields and methods the cache wraps. */
interface WasmDataMethods {
  wasm: {
    _malloc(bytes: number): number;
    HEAPU8: Uint8Array;
    tfjs: { registerTensor(id: number, size: number, memoryOffset: number): void };
  };
  dataIdNextNumber: number;
  dataIdMap: {
    get(dataId: object): WasmTensorData | undefined;
    set(dataId: object, data: WasmTensorData): void;
    has(dataId: object): boolean;
    delete(dataId: object): boolean;
  };
  move(dataId: object, values: unknown, shape: number[], dtype: tf.DataType, refCount: number): void;
  readSync(dataId: object, start?: number, end?: number): unknown;
  typedArrayFromHeap(info: tf.TensorInfo): tf.TypedArray;
  disposeData(dataId: object, force?: boolean): boolean;
  incRef(dataId: object): void;
  refCount(dataId: object): number;
}

/** What `readSync` of tfjs-backend-wasm returns for each dtype. */
const ARRAY_TYPES: Partial<Record<tf.DataType, new (n: number) => tf.TypedArray>> = {
  float32: Float32Array,
  int32: Int32Array,
  bool: Uint8Array,
};

/** Marks an installed backend on the backend itself: an ESM and a CJS copy of this file may both be loaded. */
const INSTALLED = Symbol.for('@tensorseq/backend-wasm:hostArrayCache');

/**
 * Makes a `BackendWasm` keep a tensor written from JavaScript (`tf.tensor()`, every output of
 * tensorseq's host kernels, the optimizers' updates) as the array it was written from, as
 * tfjs-backend-cpu does, and copy it into the WebAssembly heap only when one of tfjs-backend-wasm's own
 * kernels first asks for its heap record. `readSync`/`dataSync` and `typedArrayFromHeap` answer with
 * that array. Host kernel feeding host kernel (Embedding → Conv1D → pooling, their gradients, the fused
 * recurrent sequences) then never touches the heap: on wasm each such output used to be copied in once
 * (two 33 MB copies per imdb-conv1d step) and, before the reads were cached, copied out again.
 * Cost: a written tensor keeps its JS array alive as long as it lives.
 *
 * The contract is tfjs-backend-cpu's: an array handed to `tf.tensor()` or returned by `dataSync()` is
 * not mutated afterwards. Idempotent per backend instance.
 *
 * @example
 * installHostArrayCache(tf.backend());
 * const values = new Float32Array([1, 2]);
 * tf.tensor(values).dataSync() === values; // → true
 */
export function installHostArrayCache(backend: object): void {
  const marked = backend as { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;
  const wasm = backend as WasmDataMethods;
  const arrays = new WeakMap<object, tf.TypedArray>();
  /** Tensors whose values are only in `arrays` so far: no heap buffer, not registered with the C++ side. */
  const pending = new WeakSet<object>();
  const map = wasm.dataIdMap;
  const rawGet = map.get.bind(map);
  const move = wasm.move.bind(wasm);
  const readSync = wasm.readSync.bind(wasm);
  const typedArrayFromHeap = wasm.typedArrayFromHeap.bind(wasm);
  const disposeData = wasm.disposeData.bind(wasm);

  const materialize = (dataId: object, data: WasmTensorData): void => {
    const values = arrays.get(dataId) as tf.TypedArray;
    // `>>> 0`: _malloc returns a signed int32, wrong above 2 GB (as BackendWasm.move does).
    const memoryOffset = wasm.wasm._malloc(values.byteLength) >>> 0;
    wasm.wasm.tfjs.registerTensor(data.id, values.length, memoryOffset);
    wasm.wasm.HEAPU8.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), memoryOffset);
    data.memoryOffset = memoryOffset;
    pending.delete(dataId);
  };

  // Every tfjs-backend-wasm kernel finds its inputs' heap records through dataIdMap.get.
  map.get = (dataId) => {
    const data = rawGet(dataId);
    if (data && pending.has(dataId)) materialize(dataId, data);
    return data;
  };
  wasm.move = (dataId, values, shape, dtype, refCount) => {
    const type = ARRAY_TYPES[dtype];
    if (!type || !(values instanceof type) || values.length === 0 || values.length !== sizeOf(shape)) {
      move(dataId, values, shape, dtype, refCount);
      return;
    }
    const id = wasm.dataIdNextNumber++;
    map.set(dataId, { id, memoryOffset: null, shape, dtype, refCount });
    arrays.set(dataId, values as tf.TypedArray);
    pending.add(dataId);
  };
  wasm.readSync = (dataId, start, end) => {
    const values = arrays.get(dataId);
    if (!values) return readSync(dataId, start, end);
    if (start === undefined && end === undefined) return values;
    return values.subarray(start ?? 0, end ?? values.length);
  };
  // Only ever used to read an input (outputs come from makeOutput without values, so are not cached).
  wasm.typedArrayFromHeap = (info) => arrays.get(info.dataId) ?? typedArrayFromHeap(info);
  wasm.incRef = (dataId) => {
    const data = rawGet(dataId);
    if (data) data.refCount++;
  };
  wasm.refCount = (dataId) => (map.has(dataId) ? (rawGet(dataId)?.refCount ?? 0) : 0);
  wasm.disposeData = (dataId, force) => {
    if (!pending.has(dataId)) {
      const freed = disposeData(dataId, force);
      if (freed) arrays.delete(dataId);
      return freed;
    }
    const data = rawGet(dataId) as WasmTensorData;
    data.refCount--;
    if (!force && data.refCount > 0) return false;
    map.delete(dataId);
    pending.delete(dataId);
    arrays.delete(dataId);
    return true;
  };
}

function sizeOf(shape: number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}
