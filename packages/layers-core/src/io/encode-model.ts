import type { Sequential } from '../sequential';
import { manifestSha256 } from './manifest-checksum';
import {
  type ArrayEntry,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type ModelArtifacts,
  type SavedModel,
} from './model-format';
import { sha256Hex } from './sha256-hex';

/**
 * Serializes a model to the tensorseq model format in memory: `modelJson` (topology, compile options,
 * weight and optimizer-slot manifest, byte length and SHA-256 of the weights) and `weights` (every array,
 * float32 little-endian, concatenated), with a `manifestSha256` over the rest of `modelJson`. Every save target writes exactly these two pieces.
 *
 * @example
 * const { modelJson, weights } = await encodeModel(model); // weights.byteLength === modelJson.weightsByteLength
 */
export async function encodeModel(model: Sequential): Promise<ModelArtifacts> {
  const chunks: Float32Array[] = [];
  let offset = 0;
  const entry = (name: string, shape: number[], data: Float32Array): ArrayEntry => {
    chunks.push(data);
    const e = { name, shape, offset };
    offset += data.byteLength;
    return e;
  };
  const weights = model.weights.map((w) => entry(w.name, w.shape, Float32Array.from(w.read().dataSync())));
  const optimizer = model.optimizer;
  const state = optimizer?.getState();
  const compile = model.compileConfig;
  const slots = state?.slots.map((s) => entry(s.name, s.shape, s.data)) ?? [];
  const bytes = new Uint8Array(offset);
  let at = 0;
  for (const c of chunks) {
    bytes.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), at);
    at += c.byteLength;
  }
  const unsigned: Omit<SavedModel, 'manifestSha256'> = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    modelTopology: { className: 'Sequential', config: model.getConfig() },
    trainingConfig:
      compile && optimizer
        ? {
            loss: compile.loss,
            metrics: compile.metrics ?? [],
            optimizer: { className: optimizer.className, config: optimizer.getConfig() },
          }
        : null,
    weights,
    optimizerState: state ? { iterations: state.iterations, slots } : null,
    weightsByteLength: bytes.byteLength,
    weightsSha256: await sha256Hex(bytes),
  };
  return { modelJson: { ...unsigned, manifestSha256: await manifestSha256(unsigned) }, weights: bytes };
}
