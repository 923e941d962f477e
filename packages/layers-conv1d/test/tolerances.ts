// The conformance README's float32 tolerances, and the fixture case shape the layer files share.
import type { CloseOptions, FixtureTensor } from '@tensorseq/test-utils';

export const OUT_TOL: CloseOptions = { atol: 1e-4, rtol: 1e-4 };
export const GRAD_TOL: CloseOptions = { atol: 2e-4, rtol: 1e-3 };

export interface LayerCase {
  id: string;
  layer: string;
  config: Record<string, unknown>;
  inputs: { x: FixtureTensor; mask?: FixtureTensor };
  weights: (FixtureTensor & { name: string })[];
  output: FixtureTensor;
  loss: { R: FixtureTensor; value: number };
  grads: Record<string, FixtureTensor>;
}
