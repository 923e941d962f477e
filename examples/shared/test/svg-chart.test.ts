import { describe, expect, it } from 'vitest';
import { type ChartPanel, svgChart } from '../src/svg-chart';

const panel = (title: string, values: number[]): ChartPanel => ({
  title,
  yLabel: 'loss',
  series: [
    { label: 'Training loss', values, style: 'points', color: '#1f77b4' },
    { label: 'Validation loss', values: values.map((v) => v + 0.1), style: 'line', color: '#d62728' },
  ],
});

describe('svgChart', () => {
  it('draws one dot per epoch for points and one vertex per epoch for lines', () => {
    const svg = svgChart([panel('A', [0.7, 0.5, 0.3])]);
    const dots = /<g data-series="Training loss"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(dots.match(/<circle /g)).toHaveLength(3);
    const points = /<polyline data-series="Validation loss" points="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(points.split(' ')).toHaveLength(3);
  });

  it('puts larger values higher (smaller y) and later epochs further right', () => {
    const svg = svgChart([panel('A', [0.2, 0.9])]);
    const points = /<polyline data-series="Validation loss" points="([^"]*)"/.exec(svg)?.[1] ?? '';
    const [[x1, y1], [x2, y2]] = points.split(' ').map((p) => p.split(',').map(Number));
    expect(x2).toBeGreaterThan(x1);
    expect(y2).toBeLessThan(y1);
  });

  it('lays panels out in a grid of the given number of columns', () => {
    const svg = svgChart([panel('A', [1]), panel('B', [1]), panel('C', [1])], {
      columns: 2,
      panelWidth: 100,
      panelHeight: 50,
    });
    expect(svg).toContain('width="200" height="100"');
  });

  it('escapes markup in titles and labels', () => {
    const svg = svgChart([panel('<b>&"', [1, 2])], { title: 'x < y' });
    expect(svg).toContain('<title>x &#60; y</title>');
    expect(svg).toContain('&#60;b&#62;&#38;&#34;');
    expect(svg).not.toContain('<b>');
  });

  it('rejects an empty series and non-finite values with exact messages', () => {
    expect(() => svgChart([panel('A', [])])).toThrow(
      'svgChart: every series must have at least one value. Received: "A" / "Training loss" with 0 values.',
    );
    expect(() => svgChart([panel('A', [0.5, Number.NaN])])).toThrow(
      'svgChart: values must be finite numbers. Received: "A" / "Training loss" values[1]=NaN.',
    );
  });
});
