import type { Sequential } from '../sequential';
import { manifestSha256 } from './manifest-checksum';
import {
  type ArrayEntry,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type SavedModel,
  TOPOLOGY_FILE,
  WEIGHTS_FILE,
} from './model-format';

/** Options of `Sequential.save`. */
export interface SaveOptions {
  /**
   * Replace `dir` even when it holds files other than a saved model (they are removed with the old
   * folder, once the new model is in place). Without it, such a `dir` is refused and left untouched; a
   * folder holding only a saved model (or nothing) is always replaced. @defaultValue false
   */
  overwrite?: boolean;
}

/**
 * The file-system calls `save` makes: the seam the fault-injection tests wrap to fail each step in turn
 * (internal; `node:fs/promises` in real use).
 */
export type SaveFileSystem = Pick<
  typeof import('node:fs/promises'),
  'mkdir' | 'open' | 'readdir' | 'readFile' | 'rename' | 'rm' | 'stat'
>;

/**
 * Writes `model.json` + `weights.bin` into a temporary sibling of `dir`, flushes them, then swaps it in
 * with renames, so a failure or crash at any step leaves either the previous model or the new one at
 * `dir`, never a half-written one and never nothing (a failed final rename puts the previous folder
 * back). `dir` must not exist, be empty, or hold a saved model, unless `overwrite` is set (Node only).
 *
 * @throws Error when `dir` holds other files and `overwrite` is not set, or a file-system step fails.
 * @example
 * await saveModel(model, 'models/imdb');
 */
export async function saveModel(
  model: Sequential,
  dir: string,
  options: SaveOptions = {},
  fs?: SaveFileSystem,
): Promise<void> {
  const { overwrite = false } = options;
  if (typeof overwrite !== 'boolean') {
    throw new TypeError(
      `Sequential.save: overwrite must be a boolean. Received: overwrite=${String(overwrite)}.`,
    );
  }
  const files = fs ?? (await import('node:fs/promises'));
  const path = await import('node:path');
  const { allBytes, saved } = await serialize(model);
  const target = path.resolve(dir);
  await refuseForeignFolder(files, path.join, target, overwrite);
  await files.mkdir(path.dirname(target), { recursive: true });
  const tag = `${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
  const tmp = `${target}.tmp-${tag}`;
  const old = `${target}.old-${tag}`;
  await files.mkdir(tmp);
  let existed = false;
  try {
    await writeDurably(files, path.join(tmp, WEIGHTS_FILE), allBytes);
    await writeDurably(files, path.join(tmp, TOPOLOGY_FILE), Buffer.from(JSON.stringify(saved)));
    existed = await files.rename(target, old).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      },
    );
    await files.rename(tmp, target);
  } catch (error) {
    // Put the previous model back where it was before reporting the failure.
    if (existed) {
      await files.rename(old, target).catch((undo: Error) => {
        throw new Error(
          `Sequential.save: the previous model must stay at dir. Received: ${(error as Error).message}, then ${undo.message} while moving it back; it is intact at ${old}.`,
        );
      });
    }
    await files.rm(tmp, { recursive: true, force: true });
    throw error;
  }
  // The new model is in place: removing the old one may fail without harm (a stray sibling folder).
  if (existed) await files.rm(old, { recursive: true, force: true }).catch(() => undefined);
}

async function serialize(model: Sequential): Promise<{ allBytes: Buffer; saved: SavedModel }> {
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
    weightsByteLength: allBytes.byteLength,
    weightsSha256: createHash('sha256').update(allBytes).digest('hex'),
  };
  return { allBytes, saved: { ...unsigned, manifestSha256: await manifestSha256(unsigned) } };
}

/** Refuses a `dir` that holds anything but a saved model, unless `overwrite`. */
async function refuseForeignFolder(
  fs: SaveFileSystem,
  join: (...parts: string[]) => string,
  target: string,
  overwrite: boolean,
): Promise<void> {
  const info = await fs.stat(target).catch(() => undefined);
  if (info === undefined) return;
  if (!info.isDirectory()) {
    throw new Error(
      `Sequential.save: dir must be a folder or not exist. Received: dir=${target} is a file. To fix this, pick another dir.`,
    );
  }
  if (overwrite) return;
  const names = await fs.readdir(target);
  const others = names.filter((n) => n !== TOPOLOGY_FILE && n !== WEIGHTS_FILE);
  const holdsModel = names.includes(TOPOLOGY_FILE) && (await isSavedModel(fs, join(target, TOPOLOGY_FILE)));
  if (others.length === 0 && (names.length === 0 || holdsModel)) return;
  const shown = (others.length ? others : names).slice(0, 3).join(', ');
  throw new Error(
    `Sequential.save: dir must be empty, missing or hold a saved model. Received: dir=${target} holds ${shown}${names.length > 3 ? ', …' : ''}. To fix this, pick another dir, or pass { overwrite: true } to replace the folder and everything in it.`,
  );
}

async function isSavedModel(fs: SaveFileSystem, file: string): Promise<boolean> {
  try {
    const head = JSON.parse(await fs.readFile(file, 'utf8')) as { format?: unknown };
    return head?.format === MODEL_FORMAT;
  } catch {
    return false;
  }
}

async function writeDurably(fs: SaveFileSystem, file: string, data: Buffer): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
