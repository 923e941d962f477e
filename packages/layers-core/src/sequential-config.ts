import { deserializeLayer, type Layer, type LayerConfig } from './layer';
import { registerCoreLayers } from './register-core-layers';
import type { Shape } from './shape';

/** A Sequential's topology: its name and its layers' class names and configs, in order. */
export interface SequentialConfig {
  name: string;
  layers: { className: string; config: LayerConfig }[];
}

/**
 * The topology of a stack of layers. A model built from its data has no input shape in its first layer's
 * config, so the model's input shape is recorded there.
 *
 * @example
 * sequentialConfig('sequential', model.layers, [null, 20]);
 * // → { name: 'sequential', layers: [{ className: 'Embedding', config: { batchInputShape: [null, 20], … } }, …] }
 */
export function sequentialConfig(
  name: string,
  layers: readonly Layer[],
  inputShape: Shape | null,
): SequentialConfig {
  const out = layers.map((l) => ({ className: l.className, config: l.getConfig() }));
  if (out.length && inputShape && !out[0].config.batchInputShape) {
    out[0].config.batchInputShape = inputShape;
  }
  return { name, layers: out };
}

/**
 * Rebuilds the layers of a topology. This package's layers are registered here; other packages' layers
 * must be registered with `registerLayer` first.
 *
 * @example
 * const layers = layersFromConfig(model.getConfig());
 */
export function layersFromConfig(config: Pick<SequentialConfig, 'layers'>): Layer[] {
  registerCoreLayers();
  return config.layers.map((l) => deserializeLayer(l));
}
