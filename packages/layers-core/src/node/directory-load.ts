import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseModelJson } from '../io/decode-model';
import { TOPOLOGY_FILE, WEIGHTS_FILE } from '../io/model-format';
import type { LoadedArtifacts } from '../io/model-handlers';

/**
 * Reads `model.json` and `weights.bin` from a directory written by `saveDirectory` (Node only); the
 * integrity checks are the shared ones in decodeModel.
 *
 * @throws Error naming the file when it is missing or not the tensorseq format.
 * @example
 * const { artifacts } = await loadDirectory('models/imdb');
 */
export async function loadDirectory(dir: string): Promise<LoadedArtifacts> {
  const topoFile = join(dir, TOPOLOGY_FILE);
  const weightsFile = join(dir, WEIGHTS_FILE);
  const text = await readFile(topoFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new Error(`loadModel: ${topoFile} must exist. Received: ${e.code ?? e.message}.`);
  });
  const modelJson = parseModelJson(text, topoFile);
  const bytes = await readFile(weightsFile).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`loadModel: ${weightsFile} must exist. Received: ${e.code ?? e.message}.`);
  });
  const weights = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { artifacts: { modelJson, weights }, names: { modelJson: topoFile, weights: weightsFile } };
}
