import { describe, expect, it } from 'vitest';
import { mulberry32, seededRandom } from '../src/index';

describe('seededRandom', () => {
  it('returns the same mulberry32 sequence for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(xs[0]).toBe(0.6011037519201636);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('differs between seeds', () => {
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });
});

describe('mulberry32', () => {
  it('advances the state by the golden-ratio increment and returns an unsigned 32-bit output', () => {
    const [state, out] = mulberry32(42);
    expect(state).toBe((42 + 0x6d2b79f5) >>> 0);
    expect(out).toBe(Math.round(0.6011037519201636 * 2 ** 32));
  });
});
