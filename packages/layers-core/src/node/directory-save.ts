import type { Sequential } from '../sequential';
import {
  type ArrayEntry,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type SavedModel,
  TOPOLOGY_FILE,
  WEIGHTS_FILE,
} from './model-format';

/**
 * Writes `model.json` + `weights.bin` into a temporary sibling of `dir`, flushes them, then swaps it in
 * with renames, so a crash at any point leaves either the previous model or the new one at `dir`, never a
 * half-written one (Node only).
 *
 * @example
 * await saveModel(model, 'models/imdb');
 */
export async function saveModel(model: Sequential, dir: string): Promise<void> {
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  const { createHash } = await import('node:crypto');
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
  const allBytes = Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
  const saved: SavedModel = {
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
    weightsByteLength: allBytes.byteLength,
    weightsSha256: createHash('sha256').update(allBytes).digest('hex'),
  };

  const target = path.resolve(dir);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tag = `${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
  const tmp = `${target}.tmp-${tag}`;
  await fs.mkdir(tmp);
  try {
    await writeDurably(fs, path.join(tmp, WEIGHTS_FILE), allBytes);
    await writeDurably(fs, path.join(tmp, TOPOLOGY_FILE), Buffer.from(JSON.stringify(saved)));
    const old = `${target}.old-${tag}`;
    const existed = await fs.rename(target, old).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      },
    );
    await fs.rename(tmp, target);
    if (existed) await fs.rm(old, { recursive: true, force: true });
  } catch (error) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

async function writeDurably(
  fs: typeof import('node:fs/promises'),
  file: string,
  data: Buffer,
): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
