import * as nodeFs from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { encodeModel } from '../io/encode-model';
import { MODEL_FORMAT, type ModelArtifacts, TOPOLOGY_FILE, WEIGHTS_FILE } from '../io/model-format';
import type { SaveOptions } from '../io/model-handlers';
import type { Sequential } from '../sequential';

/**
 * The file-system calls a directory save makes: the seam the fault-injection tests wrap to fail each step
 * in turn (internal; `node:fs/promises` in real use).
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
 * @throws Error when `dir` holds other files and `overwrite` is not set, is a file, or a file-system step
 * fails.
 * @example
 * await saveDirectory('models/imdb', await encodeModel(model));
 */
export async function saveDirectory(
  dir: string,
  artifacts: ModelArtifacts,
  options: SaveOptions = {},
  fs: SaveFileSystem = nodeFs,
): Promise<void> {
  const { overwrite = false } = options;
  if (typeof overwrite !== 'boolean') {
    throw new TypeError(
      `Sequential.save: overwrite must be a boolean. Received: overwrite=${String(overwrite)}.`,
    );
  }
  const target = resolve(dir);
  await refuseForeignFolder(fs, target, overwrite);
  await fs.mkdir(dirname(target), { recursive: true });
  const tag = `${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
  const tmp = `${target}.tmp-${tag}`;
  const old = `${target}.old-${tag}`;
  await fs.mkdir(tmp);
  let existed = false;
  try {
    await writeDurably(fs, join(tmp, WEIGHTS_FILE), artifacts.weights);
    await writeDurably(
      fs,
      join(tmp, TOPOLOGY_FILE),
      new TextEncoder().encode(JSON.stringify(artifacts.modelJson)),
    );
    existed = await fs.rename(target, old).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      },
    );
    await fs.rename(tmp, target);
  } catch (error) {
    // Put the previous model back where it was before reporting the failure.
    if (existed) {
      await fs.rename(old, target).catch((undo: Error) => {
        throw new Error(
          `Sequential.save: the previous model must stay at dir. Received: ${(error as Error).message}, then ${undo.message} while moving it back; it is intact at ${old}.`,
        );
      });
    }
    await fs.rm(tmp, { recursive: true, force: true });
    throw error;
  }
  // The new model is in place: removing the old one may fail without harm (a stray sibling folder).
  if (existed) await fs.rm(old, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Encodes `model` and saves it to `dir` through `fs` (internal: the fault-injection tests' entry point).
 *
 * @example
 * await saveModel(model, 'models/imdb', {}, faultyFs);
 */
export async function saveModel(
  model: Sequential,
  dir: string,
  options: SaveOptions = {},
  fs: SaveFileSystem = nodeFs,
): Promise<void> {
  await saveDirectory(dir, await encodeModel(model), options, fs);
}

/** Refuses a `dir` that holds anything but a saved model, unless `overwrite`. */
async function refuseForeignFolder(fs: SaveFileSystem, target: string, overwrite: boolean): Promise<void> {
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

async function writeDurably(fs: SaveFileSystem, file: string, data: Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
