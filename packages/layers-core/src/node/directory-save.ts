import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type ModelArtifacts, TOPOLOGY_FILE, WEIGHTS_FILE } from '../io/model-format';

/**
 * Writes `model.json` + `weights.bin` into a temporary sibling of `dir`, flushes them, then swaps it in
 * with renames, so a crash at any point leaves either the previous model or the new one at `dir`, never a
 * half-written one (Node only).
 *
 * @example
 * await saveDirectory('models/imdb', await encodeModel(model));
 */
export async function saveDirectory(dir: string, artifacts: ModelArtifacts): Promise<void> {
  const target = resolve(dir);
  await mkdir(dirname(target), { recursive: true });
  const tag = `${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
  const tmp = `${target}.tmp-${tag}`;
  await mkdir(tmp);
  try {
    await writeDurably(join(tmp, WEIGHTS_FILE), artifacts.weights);
    await writeDurably(
      join(tmp, TOPOLOGY_FILE),
      new TextEncoder().encode(JSON.stringify(artifacts.modelJson)),
    );
    const old = `${target}.old-${tag}`;
    const existed = await rename(target, old).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      },
    );
    await rename(tmp, target);
    if (existed) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

async function writeDurably(file: string, data: Uint8Array): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
