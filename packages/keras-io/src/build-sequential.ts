import { type Layer, Sequential, type Shape } from '@tensorseq/layers-core';
import type { H5Dataset } from './h5';
import { KerasIoError } from './keras-io-error';
import { type ConvertedLayer, fromKeras } from './layer-from-keras';
import type { KerasLayerSpec, KerasModelSpec } from './model-config';
import { type Json, own } from './parse-json';
import type { WeightSource } from './weight-source';

/** Models with more weight scalars than this are refused unless `maxParameters` says otherwise (2^28). */
export const DEFAULT_MAX_PARAMETERS = 2 ** 28;

/** The input shape (batch axis included) a Keras layer config declares, if any. */
function declaredInputShape(spec: KerasLayerSpec, version: string, fallback?: Json): Shape | null {
  const raw = own(spec.config, 'batch_input_shape') ?? own(spec.config, 'batch_shape') ?? fallback;
  if (raw === undefined || raw === null) {
    const length = own(spec.config, 'input_length');
    if (spec.className === 'Embedding' && typeof length === 'number') return [null, length];
    return null;
  }
  const ok =
    Array.isArray(raw) &&
    raw.length >= 2 &&
    raw.length <= 8 &&
    raw.every((d) => d === null || (typeof d === 'number' && Number.isInteger(d) && d > 0 && d <= 2 ** 24));
  if (!ok) {
    throw new KerasIoError(
      'bad-file',
      `loadKerasModel: batch_input_shape must be a list of positive integers or nulls. Received: ${JSON.stringify(raw)} in layer "${String(own(spec.config, 'name'))}" (Keras ${version}).`,
    );
  }
  return [null, ...(raw as (number | null)[]).slice(1)];
}

function elementCount(dataset: H5Dataset): number {
  return (dataset.shape ?? []).reduce((a, b) => a * b, 1);
}

/**
 * Reads every dataset of `datasets` into `layer`, after checking count, shapes (against the layer built
 * from the config) and dtypes, before any dataset is read.
 */
export function assignWeights(layer: Layer, datasets: H5Dataset[], version: string, owner: string): void {
  const expected = layer.weights;
  if (datasets.length !== expected.length) {
    throw new KerasIoError(
      'weight-mismatch',
      `${owner}: layer "${layer.name}" must have ${expected.length} weights (${expected.map((w) => `[${w.shape}]`).join(', ')}). Received: ${datasets.length} datasets (Keras ${version}).`,
    );
  }
  datasets.forEach((dataset, i) => {
    const shape = dataset.shape ?? [];
    const want = expected[i].shape;
    if (shape.length !== want.length || shape.some((d, k) => d !== want[k])) {
      throw new KerasIoError(
        'weight-mismatch',
        `${owner}: weight ${i} of layer "${layer.name}" must have shape [${want}] (from the config). Received: shape [${shape}] in dataset "${dataset.path}" (Keras ${version}).`,
      );
    }
    if (
      dataset.dtype !== '<f' &&
      dataset.dtype !== '<d' &&
      dataset.dtype !== '>f' &&
      dataset.dtype !== '>d'
    ) {
      throw new KerasIoError(
        'weight-mismatch',
        `${owner}: weight ${i} of layer "${layer.name}" must be float32 or float64. Received: dtype ${JSON.stringify(dataset.dtype)} in dataset "${dataset.path}" (Keras ${version}).`,
      );
    }
  });
  layer.setWeights(
    datasets.map((dataset, i) => {
      const value = dataset.value as unknown as ArrayLike<number>;
      const data = value instanceof Float32Array ? value : Float32Array.from(value);
      return { data, shape: expected[i].shape };
    }),
  );
}

/**
 * Builds the `Sequential` for a Keras model spec, layer by layer: before each layer allocates its
 * weights, the number of scalars its config implies must equal what the file holds for it (and the
 * running total stay under `maxParameters`); after building, every dataset's shape must equal the
 * weight's, and only then is it read.
 *
 * @example
 * const model = buildSequential(spec, '2.2.4', weightSource, DEFAULT_MAX_PARAMETERS, 'loadKerasModel');
 */
export function buildSequential(
  spec: KerasModelSpec,
  version: string,
  weights: WeightSource | null,
  maxParameters: number,
  owner: string,
): Sequential {
  let inputShape: Shape | null = null;
  const converted: { index: number; spec: KerasLayerSpec; layer: ConvertedLayer }[] = [];
  spec.layers.forEach((layerSpec, index) => {
    if (converted.length === 0 && inputShape === null) {
      inputShape = declaredInputShape(
        layerSpec,
        version,
        layerSpec.className === 'InputLayer' ? undefined : spec.buildInputShape,
      );
    }
    if (layerSpec.className === 'InputLayer') {
      for (const key of ['sparse', 'ragged']) {
        const v = own(layerSpec.config, key);
        if (v !== undefined && v !== false) {
          throw new KerasIoError(
            'unsupported',
            `loadKerasModel: InputLayer ${key} must be false. Received: ${key}=${JSON.stringify(v)} (Keras ${version}).`,
          );
        }
      }
      if (converted.length > 0) {
        throw new KerasIoError(
          'not-a-chain',
          `loadKerasModel: an InputLayer must come first. Received: one at position ${index} (Keras ${version}).`,
        );
      }
      return;
    }
    converted.push({ index, spec: layerSpec, layer: fromKeras(layerSpec, version) });
  });
  if (inputShape === null) {
    throw new KerasIoError(
      'bad-model',
      `loadKerasModel: the model must declare its input shape (an InputLayer or batch_input_shape on its first layer). Received: none (Keras ${version}).`,
    );
  }
  const model = new Sequential({ name: spec.name });
  model.build(inputShape);
  let total = 0;
  let shape: Shape = inputShape;
  try {
    for (const { index, spec: layerSpec, layer } of converted) {
      const features = shape[shape.length - 1];
      const needed = layer.parameterCount(typeof features === 'number' ? features : 0);
      const datasets = weights
        ? weights.datasets(index, layer.layer.name, layerSpec.className, layer.layout)
        : [];
      if (weights) {
        const held = datasets.reduce((n, d) => n + elementCount(d), 0);
        if (held !== needed) {
          throw new KerasIoError(
            'weight-mismatch',
            `${owner}: layer "${layer.layer.name}" (${layerSpec.className}) must hold ${needed} weight values for its config and input shape [${shape.map(String)}]. Received: ${held} in the file (Keras ${version}).`,
          );
        }
      }
      total += needed;
      if (total > maxParameters) {
        throw new KerasIoError(
          'too-large',
          `${owner}: the model must have at most maxParameters=${maxParameters} weight values. Received: ${total} by layer "${layer.layer.name}" (Keras ${version}). To fix this, pass a larger maxParameters.`,
        );
      }
      model.add(layer.layer);
      if (weights) assignWeights(layer.layer, datasets, version, owner);
      shape = model.outputShape as Shape;
    }
  } catch (error) {
    model.dispose();
    for (const { layer } of converted) if (!model.layers.includes(layer.layer)) layer.layer.dispose();
    throw error;
  }
  return model;
}
