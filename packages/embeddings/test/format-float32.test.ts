import { describe, expect, it } from 'vitest';
import { formatFloat32 } from '../src/node';

describe('formatFloat32', () => {
  it('gives the shortest text that reads back to the same float32, for 20,000 random values', () => {
    const bits = new Uint32Array(1);
    const asFloat = new Float32Array(bits.buffer);
    let seed = 7;
    const failures: string[] = [];
    for (let i = 0; i < 20000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      bits[0] = (seed * 2 + (i & 1)) >>> 0;
      const x = asFloat[0];
      if (!Number.isFinite(x)) continue;
      const text = formatFloat32(x);
      if (Math.fround(Number(text)) !== x) failures.push(`${text} does not read back`);
      const digits = text.replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '');
      const shorter = Math.abs(x).toExponential(Math.max(0, digits.length - 2));
      if (digits.length > 1 && Math.fround(Number(shorter)) === Math.abs(x))
        failures.push(`${text} is not shortest`);
    }
    expect(failures).toEqual([]);
  });

  it("switches between numpy's positional and scientific notations at 1e-4 and 1e16", () => {
    expect(formatFloat32(Math.fround(0.418))).toBe('0.418');
    expect(formatFloat32(3)).toBe('3.0');
    expect(formatFloat32(Math.fround(123456789))).toBe('123456790.0');
    expect(formatFloat32(Math.fround(1e-5))).toBe('1e-05');
    expect(formatFloat32(Math.fround(0.0001))).toBe('1e-04');
    expect(formatFloat32(Math.fround(0.00012))).toBe('0.00012');
    expect(formatFloat32(Math.fround(1e16))).toBe('1e+16');
    expect(formatFloat32(Math.fround(-2.5e-7))).toBe('-2.5e-07');
    expect([formatFloat32(-0), formatFloat32(Number.NaN), formatFloat32(-Infinity)]).toEqual([
      '-0.0',
      'nan',
      '-inf',
    ]);
  });
});
