import { Layer } from './layer';

function describeLayer(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  const v = value as { name?: unknown; getClassName?: () => string; constructor?: { name?: string } };
  const cls = typeof v.getClassName === 'function' ? v.getClassName() : (v.constructor?.name ?? 'Object');
  return typeof v.name === 'string' ? `${cls} "${v.name}"` : cls;
}

/** Refuses anything that is not a tensorseq Layer, e.g. a tfjs-layers layer, which would fail later in `fit`. */
export function assertTensorseqLayer(layer: unknown): asserts layer is Layer {
  if (layer instanceof Layer) return;
  const what = describeLayer(layer);
  const tfjsLayers =
    typeof layer === 'object' &&
    layer !== null &&
    typeof (layer as { getClassName?: unknown }).getClassName === 'function';
  throw new TypeError(
    `Sequential.add: layer must be a tensorseq Layer. Received: layer=${what}${tfjsLayers ? ' (a @tensorflow/tfjs-layers layer)' : ''}. ` +
      'To fix this, use the tensorseq layer of the same name (e.g. `new Dense({ units: 1 })` from @tensorseq/layers-core, ' +
      'LSTM from @tensorseq/layers-recurrent, Conv1D from @tensorseq/layers-conv1d) or subclass Layer. ' +
      'If it is a tensorseq layer, two copies of @tensorseq/layers-core are installed: dedupe them.',
  );
}
