import type { Layer, Sequential, Shape } from '@tensorseq/layers-core';
import { strToU8, zipSync } from 'fflate';
import { type H5Group, writeH5 } from './h5';
import { KerasIoError } from './keras-io-error';
import { type KerasDialect, toKerasEntry } from './layer-to-keras';
import type { JsonObject } from './parse-json';
import { toSnakeCase } from './weight-source';

/** The two file formats {@link encodeKerasModel} writes. */
export type KerasFormat = 'keras' | 'h5';

/** Options of {@link encodeKerasModel} and `saveKerasModel`. */
export interface SaveKerasModelOptions {
  /**
   * `'keras'`: the zip format of Keras 3 (and Keras >= 2.13); `'h5'`: the legacy HDF5 full-model format of
   * tf.keras 2 (which Keras 3 also reads). @defaultValue 'keras'
   */
  format?: KerasFormat;
}

/** The Keras release whose file layout the `.keras` writer follows (recorded in metadata.json). */
export const KERAS3_VERSION = '3.12.0';
/** The tf.keras release whose legacy HDF5 layout the `.h5` writer follows. */
export const KERAS2_VERSION = '2.15.0';

/** Checks the save options once, at the entry. */
export function resolveFormat(options: SaveKerasModelOptions, owner: string): KerasFormat {
  const format = options.format ?? 'keras';
  if (format !== 'keras' && format !== 'h5') {
    throw new KerasIoError(
      'bad-source',
      `${owner}: format must be "keras" or "h5". Received: format=${JSON.stringify(format)}.`,
    );
  }
  return format;
}

function inputShapes(model: Sequential, owner: string): Shape[] {
  const input = model.inputShape;
  if (!input || !model.built) {
    throw new KerasIoError(
      'bad-model',
      `${owner}: the model must be built (its input shape known). Received: an unbuilt model. To fix this, give the first layer an inputShape or call model.build([null, ...]).`,
    );
  }
  const shapes: Shape[] = [];
  let shape: Shape = [null, ...input.slice(1)];
  for (const layer of model.layers) {
    shapes.push(shape);
    shape = layer.computeOutputShape(shape);
  }
  return shapes;
}

/** The layer's weight groups, in weight order, under its path (Keras 3 saving_lib naming). */
function varGroups(layer: Layer): { path: string; layer: Layer; name: string }[] {
  const inner = layer as unknown as {
    forwardLayer?: Layer;
    backwardLayer?: Layer;
    layer?: Layer;
    cell?: Layer;
  };
  switch (layer.className) {
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return [{ path: 'cell/vars', layer, name: `${toSnakeCase(layer.className)}_cell` }];
    case 'Bidirectional':
      return [
        {
          path: 'forward_layer/cell/vars',
          layer: inner.forwardLayer as Layer,
          name: `${toSnakeCase((inner.forwardLayer as Layer).className)}_cell`,
        },
        {
          path: 'backward_layer/cell/vars',
          layer: inner.backwardLayer as Layer,
          name: `${toSnakeCase((inner.backwardLayer as Layer).className)}_cell`,
        },
      ];
    case 'TimeDistributed':
      return [{ path: 'layer/vars', layer: inner.layer as Layer, name: (inner.layer as Layer).name }];
    default:
      return [{ path: 'vars', layer, name: layer.name }];
  }
}

function writeFloat32(group: H5Group, name: string, data: Float32Array, shape: number[]): void {
  group.create_dataset({ name, data, shape, dtype: '<f' });
}

function ensureGroup(root: H5Group, path: string): H5Group {
  let group = root;
  for (const part of path.split('/')) {
    const child = group.get(part);
    group =
      child && (child as { type?: string }).type === 'Group' ? (child as H5Group) : group.create_group(part);
  }
  return group;
}

/** Keras 3's `model.weights.h5`: `layers/<snake>[_N]/.../vars/<i>`, a `name` attribute on each vars group. */
async function keras3Weights(model: Sequential): Promise<Uint8Array> {
  return writeH5((file) => {
    const used = new Map<string, number>();
    const layersGroup = file.create_group('layers');
    for (const layer of model.layers) {
      const base = toSnakeCase(layer.className);
      const n = used.get(base);
      used.set(base, n === undefined ? 0 : n + 1);
      const path = n === undefined ? base : `${base}_${n + 1}`;
      const layerGroup = layersGroup.create_group(path);
      layerGroup.create_group('vars').create_attribute('name', layer.name);
      for (const spec of varGroups(layer)) {
        const group =
          spec.path === 'vars' ? (layerGroup.get('vars') as H5Group) : ensureGroup(layerGroup, spec.path);
        if (spec.path !== 'vars') {
          group.create_attribute('name', spec.name);
          const parent = spec.path.split('/').slice(0, -2).join('/');
          if (parent) ensureGroup(layerGroup, `${parent}/vars`).create_attribute('name', spec.layer.name);
        }
        spec.layer.weights.forEach((w, i) => {
          writeFloat32(group, String(i), w.read().dataSync() as Float32Array, w.shape);
        });
      }
    }
    file.create_group('vars').create_attribute('name', model.name);
  });
}

function sequentialConfig(model: Sequential, dialect: KerasDialect, owner: string): JsonObject {
  const shapes = inputShapes(model, owner);
  const batchShape = shapes[0] as (number | null)[];
  const first = model.layers[0];
  const input: JsonObject =
    dialect === 'keras3'
      ? {
          module: 'keras.layers',
          class_name: 'InputLayer',
          config: {
            batch_shape: batchShape,
            dtype: 'float32',
            sparse: false,
            ragged: false,
            name: 'input_layer',
          },
          registered_name: null,
        }
      : {
          class_name: 'InputLayer',
          config: {
            batch_input_shape: batchShape,
            dtype: 'float32',
            sparse: false,
            ragged: false,
            name: `${first.name}_input`,
          },
        };
  const layers = model.layers.map((layer, i) => {
    const e = toKerasEntry(layer, dialect);
    if (dialect === 'keras3') e.build_config = { input_shape: shapes[i] as (number | null)[] };
    return e;
  });
  if (dialect === 'keras3') {
    return {
      module: 'keras',
      class_name: 'Sequential',
      config: {
        name: model.name,
        trainable: true,
        dtype: {
          module: 'keras',
          class_name: 'DTypePolicy',
          config: { name: 'float32' },
          registered_name: null,
        },
        layers: [input, ...layers],
        build_input_shape: batchShape,
      },
      registered_name: null,
      build_config: { input_shape: batchShape },
    };
  }
  return { class_name: 'Sequential', config: { name: model.name, layers: [input, ...layers] } };
}

/**
 * A variable-length string attribute: `'S'` (UTF-8) is what h5py writes for a Python `str`, `'A'` (ASCII)
 * for `bytes`; tf.keras 2.10 writes both kinds, and so do we, attribute by attribute.
 */
function stringAttribute(group: H5Group, name: string, value: string, kind: 'S' | 'A'): void {
  group.create_attribute(name, value, null, kind);
}

/** A list of names as h5py writes `[n.encode('utf8') for n in names]` (an empty list: an empty float64 array). */
function namesAttribute(group: H5Group, name: string, values: string[]): void {
  if (values.length === 0) {
    group.create_attribute(name, new Float64Array(0), [0], '<d');
    return;
  }
  group.create_attribute(name, values, [values.length], 'A');
}

/** tf.keras 2's legacy full-model HDF5 file (`model.save('m.h5')`). */
async function legacyH5(model: Sequential, owner: string): Promise<Uint8Array> {
  const config = JSON.stringify(sequentialConfig(model, 'keras2', owner));
  return writeH5((file) => {
    stringAttribute(file, 'backend', 'tensorflow', 'S');
    stringAttribute(file, 'keras_version', KERAS2_VERSION, 'S');
    stringAttribute(file, 'model_config', config, 'A');
    const weights = file.create_group('model_weights');
    stringAttribute(weights, 'backend', 'tensorflow', 'A');
    stringAttribute(weights, 'keras_version', KERAS2_VERSION, 'A');
    namesAttribute(
      weights,
      'layer_names',
      model.layers.map((l) => l.name),
    );
    for (const layer of model.layers) {
      const group = weights.create_group(layer.name);
      const names = layer.weights.map((w) =>
        w.name.startsWith(`${layer.name}/`) ? `${w.name}:0` : `${layer.name}/${w.name}:0`,
      );
      namesAttribute(group, 'weight_names', names);
      layer.weights.forEach((w, i) => {
        const parts = names[i].split('/');
        const parent = parts.length > 1 ? ensureGroup(group, parts.slice(0, -1).join('/')) : group;
        writeFloat32(parent, parts[parts.length - 1], w.read().dataSync() as Float32Array, w.shape);
      });
    }
    // tf.keras >= 2.5 also writes the (empty) weights of the model object itself.
    namesAttribute(weights.create_group('top_level_model_weights'), 'weight_names', []);
  });
}

/**
 * Encodes a tensorseq `Sequential` as a file Keras opens: `format: 'keras'` (default) writes the zip
 * format of Keras 3 (`config.json`, `metadata.json`, `model.weights.h5` with Keras' own group layout);
 * `format: 'h5'` writes tf.keras 2's legacy HDF5 full-model file. The model is saved uncompiled (Keras'
 * `compile` takes your optimizer there). Works in Node and in a browser.
 *
 * @param model - a built Sequential of layers Keras has (Dense, Embedding, Conv1D, LSTM, GRU...).
 * @returns the file's bytes.
 * @throws {@link KerasIoError} for a layer or option with no Keras equivalent (e.g. `hardSigmoid` in a
 *   Keras 3 file) or an unbuilt model.
 * @example
 * const bytes = await encodeKerasModel(model); // then: keras.saving.load_model('model.keras')
 */
export async function encodeKerasModel(
  model: Sequential,
  options: SaveKerasModelOptions = {},
): Promise<Uint8Array> {
  const owner = 'saveKerasModel';
  const format = resolveFormat(options, owner);
  if (format === 'h5') return legacyH5(model, owner);
  const config = JSON.stringify(sequentialConfig(model, 'keras3', owner));
  const metadata = JSON.stringify({
    keras_version: KERAS3_VERSION,
    date_saved: new Date().toISOString().slice(0, 19).replace('T', '@'),
    written_by: '@tensorseq/keras-io',
  });
  const weights = await keras3Weights(model);
  return zipSync(
    {
      'metadata.json': strToU8(metadata),
      'config.json': strToU8(config),
      'model.weights.h5': [weights, { level: 0 }],
    },
    { level: 6 },
  );
}
