import type { FixtureTensor } from '@tensorseq/test-utils';

/** Keras snake_case config → our camelCase options. */
export function camelConfig(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  );
}

export interface LayerCase {
  id: string;
  layer: string;
  config: Record<string, unknown>;
  inputs: { x?: FixtureTensor; ids?: FixtureTensor; mask?: FixtureTensor };
  weights: { name: string; shape: number[]; data: number[] }[];
  output: FixtureTensor;
  output_mask?: FixtureTensor;
  loss: { R: FixtureTensor; value: number };
  grads: Record<string, FixtureTensor>;
}

/** Output / gradient tolerances advised by the conformance README (float64 reference vs float32). */
export const OUT_TOL = { atol: 1e-4, rtol: 1e-4 };
export const GRAD_TOL = { atol: 2e-4, rtol: 1e-3 };
