import type { LayerConfig } from '../layer';
import type { CompileOptions } from '../sequential-options';

/** Name and version written into every saved model, checked on load. */
export const MODEL_FORMAT = 'tensorseq-layers-model';
/** 2 adds `manifestSha256`; version 1 files (without it) still load, checked field by field. */
export const MODEL_FORMAT_VERSION = 2;
export const TOPOLOGY_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

/** One float32 array inside `weights.bin`. */
export interface ArrayEntry {
  name: string;
  shape: number[];
  /** Byte offset in `weights.bin`. */
  offset: number;
}

/** The content of `model.json`. */
export interface SavedModel {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  modelTopology: {
    className: 'Sequential';
    config: { name: string; layers: { className: string; config: LayerConfig }[] };
  };
  /** The compile options (optimizer as `{ className, config }`), or null for an uncompiled model. */
  trainingConfig: {
    loss: string;
    metrics: string[];
    optimizer: { className: string; config: Record<string, unknown> };
  } | null;
  weights: ArrayEntry[];
  optimizerState: { iterations: number; slots: ArrayEntry[] } | null;
  /** Size and SHA-256 of `weights.bin`, so truncation or corruption is detected on load. */
  weightsByteLength: number;
  weightsSha256: string;
  /** sha256 of this file's JSON without this field: any edit of topology or manifest is detected. */
  manifestSha256?: string;
}

/**
 * A saved model in memory, the same two pieces every target stores: `modelJson` (the content of
 * `model.json`) and `weights` (the content of `weights.bin`).
 *
 * @example
 * const artifacts: ModelArtifacts = await model.save(); // then: await loadModel(artifacts)
 */
export interface ModelArtifacts {
  modelJson: SavedModel;
  weights: Uint8Array;
}

export type { CompileOptions };
