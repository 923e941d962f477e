import type { HeapBlocks } from './heap-blocks';
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

/** An id outside the table, found by the kernel's own check before a tap gather or scatter ran. */
export class IdOutOfRangeError extends RangeError {
  constructor(
    readonly index: number,
    readonly value: number,
    readonly vocab: number,
  ) {
    super(`ids must be in [0, ${vocab - 1}]. Received: ids[${index}]=${value}.`);
    this.name = 'IdOutOfRangeError';
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
  /** Heap blocks this call reads in place: never also its outputs (a kernel would read what it writes). */
  private readonly readInPlace: number[] = [];

  constructor(
    private readonly memory: WasmMemory,
    base: number,
    /** Arrays that already live in this memory (read and written in place), or null. */
    private readonly blocks: HeapBlocks | null = null,
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

  /**
   * {@link Arena.input} for an input the kernel only reads: a heap block is read where it lies, with no
   * copy (never pass an array the kernel writes to, such as a state it updates).
   */
  shared(data: Float32Array | null): number {
    const offset = this.blocks?.offsetOf(data) ?? -1;
    if (offset < 0) return this.input(data);
    this.readInPlace.push(offset);
    return offset;
  }

  /**
   * Room for an output of `floats` floats: `into` itself when it is a heap block of that length that
   * this call does not read in place (ask for the inputs first), else new scratch.
   */
  output(into: Float32Array | null, floats: number): number {
    const offset = into?.length === floats ? (this.blocks?.offsetOf(into) ?? -1) : -1;
    return offset >= 0 && !this.readInPlace.includes(offset) ? offset : this.reserve(floats);
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
