import type { ChartPanel, ChartSeries } from './svg-chart';

/** A constant reference drawn across a metric's panel, e.g. the Jena common-sense baseline MAE. */
export interface ReferenceLine {
  /** Legend text. */
  label: string;
  value: number;
}

/** Options of {@link historyPanels}. */
export interface HistoryPanelsOptions {
  /** Prefix of every panel title, e.g. the experiment name. @defaultValue none */
  title?: string;
  /** Horizontal lines by metric name (`loss`, `mae`…). @defaultValue none */
  references?: Readonly<Record<string, ReferenceLine>>;
}

const TRAINING = '#1f77b4';
const VALIDATION = '#d62728';
const REFERENCE = '#7f7f7f';

/**
 * One panel per training metric of a `History.history` — training as dots, validation as a line (the
 * book's plots) — ready for `svgChart`.
 *
 * @param history - per-epoch values by name (`loss`, `val_loss`, `acc`, …).
 * @param options - titles and reference lines.
 * @returns the panels, `loss` first.
 * @example
 * historyPanels({ loss: [0.6, 0.4], val_loss: [0.62, 0.5] }).map((p) => p.title); // → ['loss']
 */
export function historyPanels(
  history: Readonly<Record<string, readonly number[]>>,
  options: HistoryPanelsOptions = {},
): ChartPanel[] {
  const metrics = Object.keys(history).filter((k) => !k.startsWith('val_'));
  metrics.sort((a, b) => Number(b === 'loss') - Number(a === 'loss'));
  return metrics.map((metric) => {
    const series: ChartSeries[] = [
      { label: `Training ${metric}`, values: history[metric], style: 'points', color: TRAINING },
    ];
    const validation = history[`val_${metric}`];
    if (validation) {
      series.push({ label: `Validation ${metric}`, values: validation, style: 'line', color: VALIDATION });
    }
    const reference = options.references?.[metric];
    if (reference) {
      const values = history[metric].map(() => reference.value);
      series.push({ label: reference.label, values, style: 'line', color: REFERENCE });
    }
    return { title: options.title ? `${options.title}: ${metric}` : metric, yLabel: metric, series };
  });
}
