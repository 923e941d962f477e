import { Sequential } from '../sequential';
import type { LoadSource } from './model-handlers';

/**
 * Loads a model written by `Sequential.save`, from memory (`{ modelJson, weights }`), a `model.json` URL,
 * `'indexeddb://name'`, a custom handler, or (after `import '@tensorseq/layers-core/node'`) a directory. It
 * rebuilds the layers, sets the weights and, when the model was compiled, compiles it again with the saved
 * optimizer state so training resumes exactly where it stopped. Layers from other packages must be
 * registered (`registerLayer`) first.
 *
 * @throws Error naming the file or URL when it is missing, truncated, or its checksum does not match.
 * @example
 * const model = await loadModel('https://example.com/imdb/model.json');
 * model.predict(xTest);
 */
export function loadModel(source: LoadSource): Promise<Sequential> {
  return Sequential.load(source);
}
