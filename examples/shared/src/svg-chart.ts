/** One curve of a panel: a value per epoch. */
export interface ChartSeries {
  /** Legend text. */
  label: string;
  /** One value per epoch (epoch 1 first). */
  values: readonly number[];
  /** `points` draws dots (the book's `'bo'`), `line` a polyline (the book's `'b'`). */
  style: 'points' | 'line';
  /** Any SVG color. */
  color: string;
}

/** One plot: a title and its curves, sharing axes. */
export interface ChartPanel {
  title: string;
  /** Name of the y axis, e.g. `accuracy`. */
  yLabel: string;
  series: ChartSeries[];
}

/** Options of {@link svgChart}. */
export interface SvgChartOptions {
  /** Heading above the panels. @defaultValue none */
  title?: string;
  /** Panels per row. @defaultValue 2 */
  columns?: number;
  /** @defaultValue 420 */
  panelWidth?: number;
  /** @defaultValue 280 */
  panelHeight?: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const MARGIN = { left: 52, right: 16, top: 30, bottom: 60 };
const HEADING = 32;
const TICKS = 5;

/**
 * Draws per-epoch curves as a standalone SVG document, one panel per plot laid out in a grid: the
 * book's matplotlib figures (training as dots, validation as a line) without a plotting dependency.
 *
 * @param panels - the plots, in reading order.
 * @param options - layout.
 * @returns the SVG text (`<svg xmlns=…>…</svg>`).
 * @throws RangeError when a panel has no values, or a value is not finite.
 * @example
 * const svg = svgChart([{ title: 'Loss', yLabel: 'loss', series: [
 *   { label: 'Training loss', values: [0.7, 0.5, 0.3], style: 'points', color: '#1f77b4' },
 *   { label: 'Validation loss', values: [0.69, 0.6, 0.62], style: 'line', color: '#1f77b4' },
 * ] }]);
 * svg.startsWith('<svg'); // → true
 */
export function svgChart(panels: readonly ChartPanel[], options: SvgChartOptions = {}): string {
  const { title, columns = 2, panelWidth = 420, panelHeight = 280 } = options;
  panels.forEach(checkPanel);
  const rows = Math.ceil(panels.length / columns);
  const top = title ? HEADING : 0;
  const width = Math.min(columns, panels.length) * panelWidth;
  const height = top + rows * panelHeight;
  const parts = panels.map((panel, i) =>
    drawPanel(panel, {
      x: (i % columns) * panelWidth,
      y: top + Math.floor(i / columns) * panelHeight,
      width: panelWidth,
      height: panelHeight,
    }),
  );
  // A long title shrinks to fit the width (about 0.6 em per character) rather than being clipped.
  const fontSize = title ? Math.min(16, Math.floor(width / (0.6 * title.length))) : 16;
  const heading = title
    ? `<text x="${width / 2}" y="22" text-anchor="middle" font-size="${fontSize}" font-weight="bold">${escapeXml(title)}</text>`
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="sans-serif" font-size="11">`,
    // A title element is the SVG's accessible name (and what a browser tab shows).
    `<title>${escapeXml(title ?? panels.map((p) => p.title).join(', '))}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    heading,
    ...parts,
    '</svg>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

function checkPanel(panel: ChartPanel): void {
  for (const s of panel.series) {
    if (s.values.length === 0) {
      throw new RangeError(
        `svgChart: every series must have at least one value. Received: "${panel.title}" / "${s.label}" with 0 values.`,
      );
    }
    const bad = s.values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      throw new RangeError(
        `svgChart: values must be finite numbers. Received: "${panel.title}" / "${s.label}" values[${bad}]=${s.values[bad]}.`,
      );
    }
  }
}

function drawPanel(panel: ChartPanel, box: Box): string {
  const plot: Box = {
    x: box.x + MARGIN.left,
    y: box.y + MARGIN.top,
    width: box.width - MARGIN.left - MARGIN.right,
    height: box.height - MARGIN.top - MARGIN.bottom,
  };
  const epochs = Math.max(...panel.series.map((s) => s.values.length));
  const [low, high] = valueRange(panel.series.flatMap((s) => [...s.values]));
  const sx = (epoch: number) =>
    plot.x + (epochs === 1 ? plot.width / 2 : ((epoch - 1) / (epochs - 1)) * plot.width);
  const sy = (v: number) => plot.y + plot.height - ((v - low) / (high - low)) * plot.height;
  return [
    `<g>`,
    `<text x="${box.x + box.width / 2}" y="${box.y + 18}" text-anchor="middle" font-size="13">${escapeXml(panel.title)}</text>`,
    `<rect x="${plot.x}" y="${plot.y}" width="${plot.width}" height="${plot.height}" fill="none" stroke="#888"/>`,
    ...yTicks(low, high, plot, sy),
    ...xTicks(epochs, plot, sx),
    `<text x="${plot.x + plot.width / 2}" y="${plot.y + plot.height + 30}" text-anchor="middle">epoch</text>`,
    `<text transform="translate(${box.x + 12} ${plot.y + plot.height / 2}) rotate(-90)" text-anchor="middle">${escapeXml(panel.yLabel)}</text>`,
    ...panel.series.map((s) => drawSeries(s, sx, sy)),
    ...legend(panel.series, plot),
    `</g>`,
  ].join('\n');
}

/** The data range, widened by 5% each side (and made non-empty) so no point sits on the frame. */
function valueRange(values: number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = max > min ? (max - min) * 0.05 : Math.max(Math.abs(max) * 0.05, 0.05);
  return [min - pad, max + pad];
}

function yTicks(low: number, high: number, plot: Box, sy: (v: number) => number): string[] {
  const ticks: string[] = [];
  for (let i = 0; i <= TICKS; i++) {
    const v = low + ((high - low) * i) / TICKS;
    const y = fmt(sy(v));
    ticks.push(
      `<line x1="${plot.x}" y1="${y}" x2="${plot.x + plot.width}" y2="${y}" stroke="#eee"/>`,
      `<text x="${plot.x - 4}" y="${y}" text-anchor="end" dominant-baseline="middle">${v.toFixed(2)}</text>`,
    );
  }
  return ticks;
}

function xTicks(epochs: number, plot: Box, sx: (epoch: number) => number): string[] {
  // At most ~10 labels, whatever the number of epochs.
  const step = Math.max(1, Math.ceil(epochs / 10));
  const ticks: string[] = [];
  for (let epoch = 1; epoch <= epochs; epoch += step) {
    const x = fmt(sx(epoch));
    ticks.push(`<text x="${x}" y="${plot.y + plot.height + 14}" text-anchor="middle">${epoch}</text>`);
  }
  return ticks;
}

function drawSeries(s: ChartSeries, sx: (epoch: number) => number, sy: (v: number) => number): string {
  const points = s.values.map((v, i) => [fmt(sx(i + 1)), fmt(sy(v))] as const);
  const label = escapeXml(s.label);
  if (s.style === 'line') {
    const coords = points.map(([x, y]) => `${x},${y}`).join(' ');
    return `<polyline data-series="${label}" points="${coords}" fill="none" stroke="${escapeXml(s.color)}" stroke-width="2"/>`;
  }
  const dots = points.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="3.5"/>`).join('');
  return `<g data-series="${label}" fill="${escapeXml(s.color)}">${dots}</g>`;
}

function legend(series: readonly ChartSeries[], plot: Box): string[] {
  return series.map((s, i) => {
    const y = plot.y + plot.height + 46;
    const x = plot.x + i * (plot.width / Math.max(1, series.length));
    const color = escapeXml(s.color);
    const mark =
      s.style === 'line'
        ? `<line x1="${x}" y1="${y}" x2="${x + 18}" y2="${y}" stroke="${color}" stroke-width="2"/>`
        : `<circle cx="${x + 9}" cy="${y}" r="3.5" fill="${color}"/>`;
    return `${mark}<text x="${x + 24}" y="${y}" dominant-baseline="middle">${escapeXml(s.label)}</text>`;
  });
}

/** Two decimals are plenty for pixel coordinates and keep the file small. */
function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
