import type { Layer, Sequential } from '@tensorseq/layers-core';
import { assignWeights } from './build-sequential';
import { detectContainer } from './detect-format';
import { type H5Group, readH5 } from './h5';
import { KerasIoError } from './keras-io-error';
import type { WeightLayout } from './layer-from-keras';
import { resolveLoadOptions } from './load-keras-model';
import { readArchive } from './read-archive';
import { type KerasSource, readSource } from './read-source';
import { legacyWeightSource, stringAttribute, zipWeightSource } from './weight-source';

/** Options of {@link loadKerasWeights}. */
export interface LoadKerasWeightsOptions {
  /** Refuse files larger than this many bytes. @defaultValue 2 GiB */
  maxBytes?: number;
}

/** How a tensorseq layer's weights are grouped in Keras files. */
export function layoutOf(layer: Layer): WeightLayout {
  switch (layer.className) {
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return 'rnn';
    case 'Bidirectional':
      return 'bidirectional';
    case 'TimeDistributed':
      return 'wrapper';
    default:
      return 'plain';
  }
}

/**
 * Loads Keras weights into a built tensorseq model of the same architecture: Keras 3's
 * `.weights.h5` (`model.save_weights('m.weights.h5')`, matched by layer class and position, as Keras
 * does), a legacy `.h5` weights file or full-model file (matched by position among the layers that have
 * weights, as Keras' `load_weights` does), or the weights inside a zip `.keras` file. Every shape is checked
 * before anything is read or written.
 *
 * @param model - a built `Sequential` with the same layers as the Keras model.
 * @param source - the file's bytes, a fetch `Response`, or an http(s) URL (file paths: `@tensorseq/keras-io/node`).
 * @throws {@link KerasIoError} when layer counts or shapes disagree.
 * @example
 * await loadKerasWeights(model, await fetch('/models/jena_gru.weights.h5'));
 */
export async function loadKerasWeights(
  model: Sequential,
  source: KerasSource,
  options: LoadKerasWeightsOptions = {},
): Promise<void> {
  const { maxBytes } = resolveLoadOptions({ maxBytes: options.maxBytes }, 'loadKerasWeights');
  const bytes = await readSource(source, 'loadKerasWeights', maxBytes);
  await loadKerasWeightsFromBytes(model, bytes, maxBytes);
}

/** {@link loadKerasWeights} once the bytes are in memory (shared with the `./node` entry). */
export async function loadKerasWeightsFromBytes(
  model: Sequential,
  bytes: Uint8Array,
  maxBytes: number,
): Promise<void> {
  const owner = 'loadKerasWeights';
  if (!model.built) {
    throw new KerasIoError(
      'bad-model',
      `${owner}: the model must be built (its input shape known). Received: an unbuilt model. To fix this, give the first layer an inputShape or call model.build([null, ...]).`,
    );
  }
  const container = detectContainer(bytes);
  if (container === null) {
    throw new KerasIoError(
      'bad-file',
      `${owner}: source must be an HDF5 weights file or a zip .keras file. Received: ${bytes.length} bytes of something else.`,
    );
  }
  const h5 = container === 'zip' ? readArchive(bytes, maxBytes, owner).weights : bytes;
  await readH5(
    h5,
    (file) => {
      const layers = model.layers;
      const root = file.get('model_weights');
      const legacyRoot = root && (root as { type?: string }).type === 'Group' ? (root as H5Group) : file;
      const layerNames = stringAttribute(legacyRoot, 'layer_names');
      if (layerNames) {
        const version =
          stringAttribute(legacyRoot, 'keras_version')?.[0] ??
          stringAttribute(file, 'keras_version')?.[0] ??
          'unknown';
        const source = legacyWeightSource(legacyRoot, version, owner);
        const filled = layerNames.filter(
          (name) => (stringAttribute(legacyRoot.get(name) as H5Group, 'weight_names') ?? []).length > 0,
        );
        const withWeights = layers.filter((l) => l.weights.length > 0);
        if (filled.length !== withWeights.length) {
          throw new KerasIoError(
            'weight-mismatch',
            `${owner}: the file must hold weights for ${withWeights.length} layers (${withWeights.map((l) => l.name).join(', ')}). Received: ${filled.length} (${filled.join(', ')}) (Keras ${version}).`,
          );
        }
        withWeights.forEach((layer, i) => {
          assignWeights(
            layer,
            source.datasets(i, filled[i], layer.className, layoutOf(layer)),
            version,
            owner,
          );
        });
        return;
      }
      if (!file.get('layers')) {
        throw new KerasIoError(
          'bad-file',
          `${owner}: the HDF5 file must hold Keras weights (layer_names or a layers group). Received: neither.`,
        );
      }
      const source = zipWeightSource(
        file,
        layers.map((l) => l.className),
        'weights.h5',
        owner,
      );
      layers.forEach((layer, i) => {
        if (layer.weights.length > 0)
          assignWeights(
            layer,
            source.datasets(i, layer.name, layer.className, layoutOf(layer)),
            'weights.h5',
            owner,
          );
      });
    },
    owner,
  );
}
