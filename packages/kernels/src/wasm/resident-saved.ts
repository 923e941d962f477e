import type { RnnSequenceSaved } from '../types';
import type { WasmMemory } from './webassembly-api';

export type SavedName = 'xs' | 'gates' | 'hIn' | 'aux' | 'aux2';
export const SAVED_NAMES: readonly SavedName[] = ['xs', 'gates', 'hIn', 'aux', 'aux2'];

/**
 * Saved buffers that stay in the module's memory after a training forward, so the usual
 * forward → backward sequence copies nothing (copying ~70 MB out of wasm and back costs as much as the
 * LSTM math itself). Several forwards' sets stay resident together (stacked and bidirectional layers run
 * every forward before any backward); other calls allocate above them. A training forward releases the
 * consumed sets on top, and spills the rest to JS memory only past a count or size limit; reading a
 * field from JS copies them out too.
 */
export class ResidentSaved implements RnnSequenceSaved {
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
          'rnnSequenceBackward: forward must be differentiated again before the next training forward (the wasm backend then releases saved buffers that a backward pass already used). Received: forward.saved=released.',
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
