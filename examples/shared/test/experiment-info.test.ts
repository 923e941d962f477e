import { describe, expect, it } from 'vitest';
import { experimentInfo, formatExperimentList } from '../src/experiment-info';

describe('formatExperimentList', () => {
  it('aligns name, section and title, with epochs and the book figure', () => {
    expect(
      formatExperimentList({
        lstm: experimentInfo(
          { title: 'LSTM(32)', section: '6.2.3', book: { metric: 'val_acc', goal: 'max', text: '≈ 0.89' } },
          10,
        ),
        baseline: { title: 'common sense', section: '6.3.3' },
      }),
    ).toEqual([
      '  lstm      6.2.3  LSTM(32) — 10 epochs; book: val_acc ≈ 0.89',
      '  baseline  6.3.3  common sense',
    ]);
  });

  it("prefers an experiment's own epoch count", () => {
    expect(experimentInfo({ title: 't', sizes: { epochs: 4 } }, 10).epochs).toBe(4);
    expect(experimentInfo({ title: 't', epochs: 40 }).epochs).toBe(40);
  });
});
