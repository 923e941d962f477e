const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 560;
const HEIGHT = 240;
const PAD = { left: 46, right: 12, top: 12, bottom: 30 };

/** What the chart draws, in training steps (batches) on x and MAE on y. */
interface Series {
  batches: Array<[number, number]>;
  epochs: Array<[number, number]>;
  validation: Array<[number, number]>;
}

/**
 * A live loss curve in an `<svg>`: the loss of every batch, the mean training loss and the validation
 * loss of every epoch, and a dashed line for the common-sense baseline.
 *
 * @example
 * const chart = new LossChart(document.querySelector('svg')!, 0.29, 180, 32);
 * chart.addBatch(0, 0.8);
 * chart.addEpoch(15, 0.5, 0.4);
 */
export class LossChart {
  private readonly series: Series = { batches: [], epochs: [], validation: [] };

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly baseline: number,
    private readonly totalSteps: number,
    private readonly batchSize: number,
  ) {
    svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
    this.render();
  }

  /** Records the loss of training step `step` (0-based, counted over all epochs). */
  addBatch(step: number, loss: number): void {
    this.series.batches.push([step + 1, loss]);
    this.render();
  }

  /** Records an epoch's mean training loss and validation loss, at the step it ended on. */
  addEpoch(step: number, loss: number, valLoss: number): void {
    this.series.epochs.push([step, loss]);
    this.series.validation.push([step, valLoss]);
    this.render();
  }

  private render(): void {
    const { batches, epochs, validation } = this.series;
    const values = [this.baseline, ...batches.map((p) => p[1]), ...validation.map((p) => p[1])];
    const ticks = niceTicks(Math.max(...values));
    const yMax = ticks[ticks.length - 1];
    const x = (step: number) => PAD.left + (step / this.totalSteps) * (WIDTH - PAD.left - PAD.right);
    const y = (v: number) => PAD.top + (1 - v / yMax) * (HEIGHT - PAD.top - PAD.bottom);
    const line = (points: Array<[number, number]>) => points.map(([s, v]) => `${x(s)},${y(v)}`).join(' ');
    this.svg.replaceChildren(
      ...axes(y, ticks, `training step (batch of ${this.batchSize}), ${this.totalSteps} in all`),
      el('line', {
        x1: x(0),
        x2: x(this.totalSteps),
        y1: y(this.baseline),
        y2: y(this.baseline),
        class: 'baseline',
      }),
      el('polyline', { points: line(batches), class: 'batch-loss' }),
      el('polyline', { points: line(epochs), class: 'epoch-loss' }),
      el('polyline', { points: line(validation), class: 'val-loss' }),
      ...validation.map(([s, v]) => el('circle', { cx: x(s), cy: y(v), r: 4, class: 'val-point' })),
      ...epochs.map(([s, v]) => el('circle', { cx: x(s), cy: y(v), r: 3.5, class: 'epoch-point' })),
    );
  }
}

function axes(y: (v: number) => number, ticks: number[], title: string): SVGElement[] {
  const [left, right] = [PAD.left, WIDTH - PAD.right];
  const yMid = y(ticks[ticks.length - 1] / 2);
  return [
    ...ticks.flatMap((v) => [
      el('line', { x1: left, x2: right, y1: y(v), y2: y(v), class: 'grid' }),
      el('text', { x: left - 6, y: y(v) + 4, class: 'label end' }, String(Number(v.toPrecision(3)))),
    ]),
    el('text', { x: (left + right) / 2, y: HEIGHT - 6, class: 'label middle' }, title),
    el(
      'text',
      { x: 12, y: yMid, class: 'label middle', transform: `rotate(-90 12 ${yMid})` },
      'MAE (normalized)',
    ),
  ];
}

/** Ticks from 0 in steps of 1, 2 or 5 × 10^k, the last one at or above `max`. */
function niceTicks(max: number): number[] {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const count = Math.ceil((max * 1.02) / step);
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

function el(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}
