import { Sequential } from '../sequential';
import type { LoadSource } from './model-handlers';

/**
 * Loads a model written by `Sequential.save`, from memory (`{ modelJson, weights }`), a `model.json` URL,
 * `'indexeddb://name'`, a custom handler, or (after `import '@tensorseq/layers-core/node'`) a directory. It
 * rebuilds the layers, sets the weights and, when the model was compiled, compiles it again with the saved
 * optimizer state so training resumes exactly where it stopped. Layers from other packages must be
 * registered (`registerLayer`) first.
 *
 * Nothing in `model.json` is trusted, whatever the source: its checksum covers the topology, the compile
 * options, the weights manifest and the optimizer state, and every field is also checked against the
 * weights and the rebuilt model (offsets tile the weights, shapes match the layers' weights, slots match
 * their weights, `iterations` is a count) before any weight is set.
 *
 * @throws Error naming the file or URL when it is missing, truncated, edited, or its checksum does not match.
 * @example
 * const model = await loadModel('https://example.com/imdb/model.json');
 * model.predict(xTest);
 */
export function loadModel(source: LoadSource): Promise<Sequential> {
  return Sequential.load(source);
}
