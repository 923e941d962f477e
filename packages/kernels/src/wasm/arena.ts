import type { WasmMemory } from './webassembly-api';

/** WebAssembly page size in bytes. */
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
export class Arena {
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
