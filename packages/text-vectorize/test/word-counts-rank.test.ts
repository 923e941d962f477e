import { describe, expect, it } from 'vitest';
import { WordCounts } from '../src/internal/word-counts';

function countsOf(entries: [string, number][]): WordCounts {
  const counts = new WordCounts();
  for (const [word, count] of entries) counts.set(word, count);
  return counts;
}

/** Python's `sorted(word_counts.items(), key=lambda x: x[1], reverse=True)` (a stable sort). */
function pythonOrder(entries: [string, number][]): number[] {
  return entries
    .map(([, count], id) => ({ count, id }))
    .sort((a, b) => b.count - a.count || a.id - b.id)
    .map(({ id }) => id);
}

describe('WordCounts.rankOrder', () => {
  it('ranks by count, descending, ties in first-occurrence order', () => {
    const entries: [string, number][] = Array.from({ length: 3000 }, (_, i) => [`w${i}`, (i * 7919) % 13]);
    expect(Array.from(countsOf(entries).rankOrder())).toEqual(pythonOrder(entries));
  });

  it('ranks counts too large for one sort key per word (restored from JSON) the same way', () => {
    const entries: [string, number][] = [
      ['a', 1],
      ['b', 2 ** 52],
      ['c', 1],
      ['d', 2 ** 52],
      ['e', 3],
    ];
    expect(Array.from(countsOf(entries).rankOrder())).toEqual([1, 3, 4, 0, 2]);
  });

  it('ranks an empty vocabulary', () => {
    expect(new WordCounts().rankOrder().length).toBe(0);
  });
});
