import { registerLayer } from './layer';
import { Activation } from './layers/activation';
import { Dense } from './layers/dense';
import { Dropout } from './layers/dropout';
import { Embedding } from './layers/embedding';
import { Flatten } from './layers/flatten';
import { TimeDistributed } from './layers/time-distributed';

/**
 * Registers this package's layers with `deserializeLayer` (`loadModel` calls it; an explicit call, not an
 * import side effect, so the package stays `"sideEffects": false`).
 *
 * @example
 * registerCoreLayers(); // deserializeLayer({ className: 'Dense', config: { units: 1 } }) now works
 */
export function registerCoreLayers(): void {
  for (const cls of [Dense, Embedding, Flatten, Dropout, Activation, TimeDistributed]) registerLayer(cls);
}
