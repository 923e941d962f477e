/** Where long-lived arrays that kernels update in place (an optimizer's slots) come from. */
export interface SlotArrayAllocator {
  /** An array of `length` elements (any contents). */
  take(length: number): Float32Array;
  /** Gives back an array from `take` that nothing uses any more. */
  release(array: Float32Array): void;
}

let allocator: SlotArrayAllocator | null = null;

/**
 * Sets where {@link slotArray} takes its arrays from (null: ordinary arrays). The tensorseq backend
 * adapters set `kernelsArray` / `releaseKernelsArray`, so that an optimizer's slots live in the kernels'
 * shared memory; this module stays free of the WebAssembly kernels, so a package that only allocates
 * slots does not bundle them.
 *
 * @param next The allocator, or null.
 * @example
 * ```ts
 * import { kernelsArray, releaseKernelsArray, setSlotArrayAllocator } from '@tensorseq/kernels';
 * setSlotArrayAllocator({ take: kernelsArray, release: releaseKernelsArray });
 * ```
 */
export function setSlotArrayAllocator(next: SlotArrayAllocator | null): void {
  allocator = next;
}

/**
 * A zero-filled float32 array of `length` elements from the allocator set by
 * {@link setSlotArrayAllocator}, or an ordinary one.
 *
 * @param length Elements of the array.
 * @example
 * ```ts
 * import { releaseSlotArray, slotArray } from '@tensorseq/kernels';
 * const average = slotArray(1280000); // RMSprop's average of a 10000 × 128 Embedding
 * releaseSlotArray(average);
 * ```
 */
export function slotArray(length: number): Float32Array {
  return allocator === null ? new Float32Array(length) : allocator.take(length).fill(0);
}

/**
 * Gives an array from {@link slotArray} back (a no-op for an ordinary array). The caller promises that
 * nothing uses it afterwards.
 *
 * @param array The array, no longer used.
 * @example
 * ```ts
 * import { releaseSlotArray, slotArray } from '@tensorseq/kernels';
 * releaseSlotArray(slotArray(16));
 * ```
 */
export function releaseSlotArray(array: Float32Array): void {
  allocator?.release(array);
}
