import type { WasmMemory } from './webassembly-api';

/** WebAssembly page size in bytes. */
const PAGE = 65536;

/**
 * Float32 arrays that live in a shared module memory between calls, so the kernels read them as inputs
 * and write them as outputs in place: no copy in or out of wasm memory (at batch 128 a conv or pooling
 * activation is 1–4 MB, and copying them was a fifth of a conv-GRU training step, all of it on the
 * calling thread). Only a shared memory qualifies: growing it never detaches the arrays' buffer.
 *
 * Blocks are bump-allocated at or above `floor()` (the top of everything else that outlives a call) and
 * recycled by exact length; a call's scratch starts above {@link HeapBlocks.end}, so it never overlaps
 * a block.
 */
export class HeapBlocks {
  private top = 0;
  private readonly offsets = new WeakMap<Float32Array, number>();
  private readonly free = new Map<number, number[]>();

  constructor(
    private readonly memory: WasmMemory,
    private readonly floor: () => number,
  ) {}

  /** The first byte above every block ever handed out. */
  get end(): number {
    return this.top;
  }

  /** A block of `floats` floats with unspecified contents, or null when the memory cannot grow. */
  take(floats: number): Float32Array | null {
    const offset = this.free.get(floats)?.pop() ?? this.bump(floats);
    if (offset < 0) return null;
    const array = new Float32Array(this.memory.buffer, offset, floats);
    this.offsets.set(array, offset);
    return array;
  }

  /** The byte offset of `array` when it is a live block of this memory, else -1. */
  offsetOf(array: Float32Array | null): number {
    return array === null ? -1 : (this.offsets.get(array) ?? -1);
  }

  /** Returns a block to the free list (a no-op for any other array); nothing may use it afterwards. */
  release(array: Float32Array): void {
    const offset = this.offsets.get(array);
    if (offset === undefined) return;
    this.offsets.delete(array);
    const list = this.free.get(array.length) ?? [];
    list.push(offset);
    this.free.set(array.length, list);
  }

  private bump(floats: number): number {
    const offset = (Math.max(this.top, this.floor()) + 15) & ~15;
    const end = offset + floats * 4;
    if (end > 2 ** 32) return -1;
    const needed = end - this.memory.buffer.byteLength;
    if (needed > 0) {
      try {
        this.memory.grow(Math.ceil(needed / PAGE));
      } catch {
        return -1;
      }
    }
    this.top = end;
    return offset;
  }
}
