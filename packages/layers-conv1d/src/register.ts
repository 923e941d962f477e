import { registerLayer } from '@tensorseq/layers-core';
import { AveragePooling1D } from './average-pooling1d';
import { Conv1D } from './conv1d';
import { GlobalAveragePooling1D } from './global-average-pooling1d';
import { GlobalMaxPooling1D } from './global-max-pooling1d';
import { MaxPooling1D } from './max-pooling1d';

/**
 * Makes this package's layers known to `deserializeLayer` / model loading. Explicit rather than an
 * import side effect, so the package stays `"sideEffects": false`.
 *
 * @example
 * registerConv1dLayers();
 * deserializeLayer({ className: 'Conv1D', config: { filters: 4, kernelSize: 3 } }) // → Conv1D
 */
export function registerConv1dLayers(): void {
  for (const cls of [Conv1D, MaxPooling1D, AveragePooling1D, GlobalMaxPooling1D, GlobalAveragePooling1D]) {
    registerLayer(cls);
  }
}
