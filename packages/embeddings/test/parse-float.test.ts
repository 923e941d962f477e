import { describe, expect, it } from 'vitest';
import { parsed, parseFloatBytes } from '../src/parse-float';

const parse = (text: string) => {
  const bytes = Buffer.from(`${text} tail`);
  const value = parseFloatBytes(bytes, 0, bytes.length, 32);
  return { value, end: parsed.end };
};

describe('parseFloatBytes', () => {
  it('agrees with Number() on 20,000 random decimals of every length and exponent', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const mismatches: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const x = (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
      const text =
        i % 3 === 0
          ? x.toExponential(Math.floor(random() * 18))
          : x.toPrecision(1 + Math.floor(random() * 20));
      const { value, end } = parse(text);
      if (!Object.is(value, Number(text)) || end !== text.length) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });

  it('stops at the stop byte or the limit and returns NaN for garbage', () => {
    expect(parse('0.25').value).toBe(0.25);
    const bytes = Buffer.from('1.5x');
    expect(parseFloatBytes(bytes, 0, 3, 32)).toBe(1.5);
    expect(Number.isNaN(parse('1.2.3').value)).toBe(true);
    expect(Number.isNaN(parse('').value)).toBe(true);
    expect(Number.isNaN(parse('e5').value)).toBe(true);
  });
});
