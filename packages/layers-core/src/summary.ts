import type { Layer } from './layer';
import { formatShape, type Shape } from './shape';

/** Options of {@link formatSummary}. */
export interface SummaryOptions {
  /** Total width of the table. @defaultValue 65 (Keras' Sequential width) */
  lineLength?: number;
  /** Where each line goes. @defaultValue console.log */
  printFn?: (line: string) => void;
}

function row(fields: string[], positions: number[]): string {
  let line = '';
  fields.forEach((field, i) => {
    line = `${line}${field}`.slice(0, positions[i]);
    line = line.padEnd(positions[i]);
  });
  return line.trimEnd();
}

/**
 * Keras' `Sequential.summary()` table (print_summary with positions .45/.85/1.0): one row per layer with
 * its output shape and parameter count, then the total / trainable / non-trainable counts.
 *
 * @example
 * formatSummary('sequential', [[embedding, [null, 20, 8]], ...]); // → ['Model: "sequential"', '____...', ...]
 */
export function formatSummary(
  modelName: string,
  rows: ReadonlyArray<readonly [Layer, Shape]>,
  lineLength = 65,
): string[] {
  const positions = [0.45, 0.85, 1].map((p) => Math.floor(lineLength * p));
  const lines = [`Model: "${modelName}"`, '_'.repeat(lineLength)];
  lines.push(row(['Layer (type)', 'Output Shape', 'Param #'], positions), '='.repeat(lineLength));
  rows.forEach(([layer, shape], i) => {
    lines.push(
      row([`${layer.name} (${layer.className})`, formatShape(shape), String(layer.countParams())], positions),
    );
    lines.push((i === rows.length - 1 ? '=' : '_').repeat(lineLength));
  });
  const count = (ws: { shape: number[] }[]) => ws.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
  const trainable = rows.reduce((n, [l]) => n + count(l.trainableWeights), 0);
  const frozen = rows.reduce((n, [l]) => n + count(l.nonTrainableWeights), 0);
  const fmt = (n: number) => n.toLocaleString('en-US');
  lines.push(`Total params: ${fmt(trainable + frozen)}`, `Trainable params: ${fmt(trainable)}`);
  lines.push(`Non-trainable params: ${fmt(frozen)}`, '_'.repeat(lineLength));
  return lines;
}
