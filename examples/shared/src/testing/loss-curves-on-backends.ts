import { expect } from 'vitest';
import { type BackendChoice, selectBackend } from '../select-backend';
import type { ExperimentResult } from '../write-experiment-results';

/**
 * Runs the same seeded experiment on each backend (through its adapter) and returns the loss curves,
 * then restores the backend that was active. The examples' backend-parity tests use it.
 *
 * @example
 * const curves = await lossCurvesOnBackends(['cpu', 'wasm'], () => runJenaExperiment('gru', GRU, opts));
 * // → { cpu: { loss: [...], val_loss: [...] }, wasm: { ... } }
 */
export async function lossCurvesOnBackends(
  backends: readonly BackendChoice[],
  run: () => Promise<ExperimentResult>,
): Promise<Record<string, Record<'loss' | 'val_loss', readonly number[]>>> {
  const curves: Record<string, Record<'loss' | 'val_loss', readonly number[]>> = {};
  for (const backend of backends) {
    await selectBackend(backend);
    const { history } = await run();
    curves[backend] = { loss: history.loss, val_loss: history.val_loss };
  }
  return curves;
}

/**
 * Asserts that two loss curves agree within float tolerance (relative, with an absolute floor).
 *
 * @example
 * expectSameCurve([0.7, 0.6], [0.7000001, 0.6000002]);
 */
export function expectSameCurve(
  actual: readonly number[],
  expected: readonly number[],
  rtol = 2e-3,
  atol = 1e-4,
): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => {
    expect(Number.isFinite(v)).toBe(true);
    expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(atol + rtol * Math.abs(expected[i]));
  });
}
