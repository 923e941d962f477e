// Property-based fuzzing of the Jena CSV parser (issue #16). Well-formed generated files must parse to
// exactly the generated rows (any chunking, LF / CRLF / CR line ends); damaged ones must parse or fail
// with a `loadJena:` error, never another error, a crash or a hang.
import { fuzzParams, splitBytes } from '@tensorseq/test-utils/fuzz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJenaCsv } from '../../src/parse-jena-csv';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const date = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true })
  .map((d) => {
    const ms = Math.floor(d.getTime() / 1000) * 1000;
    const u = new Date(ms);
    const text = `${pad(u.getUTCDate())}.${pad(u.getUTCMonth() + 1)}.${u.getUTCFullYear()} ${pad(u.getUTCHours())}:${pad(u.getUTCMinutes())}:${pad(u.getUTCSeconds())}`;
    return { text, ms };
  });
/** Decimal numbers as the files write them (and a few other spellings the parser accepts). */
const value = fc.oneof(
  fc.integer({ min: -99999, max: 99999 }).map((n) => ({ text: String(n), v: n })),
  fc.tuple(fc.integer({ min: -9999, max: 9999 }), fc.integer({ min: 0, max: 999 })).map(([i, f]) => {
    const text = `${i < 0 ? '-' : ''}${Math.abs(i)}.${pad(f, 3)}`;
    return { text, v: Number(text) };
  }),
  fc.constantFrom({ text: '1e3', v: 1000 }, { text: '-2.5E-1', v: -0.25 }, { text: '+7', v: 7 }),
);

const table = fc.integer({ min: 1, max: 4 }).chain((width) =>
  fc.record({
    width: fc.constant(width),
    rows: fc.array(fc.tuple(date, fc.array(value, { minLength: width, maxLength: width })), {
      minLength: 1,
      maxLength: 30,
    }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    splits: fc.array(fc.nat(), { maxLength: 5 }),
  }),
);

function render(t: { width: number; rows: [{ text: string }, { text: string }[]][]; eol: string }): Buffer {
  const header = ['"Date Time"', ...Array.from({ length: t.width }, (_, c) => `"c${c} (u)"`)].join(',');
  const lines = t.rows.map(([d, vs]) => [d.text, ...vs.map((v) => v.text)].join(','));
  return Buffer.from([header, ...lines].join(t.eol) + t.eol);
}

describe('fuzz: Jena CSV parser', () => {
  it('parses well-formed files exactly, however they are chunked and whatever their line ends', async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        const parsed = await parseJenaCsv(splitBytes(render(t), t.splits), { fileName: 'f.csv' });
        expect(parsed.rows).toBe(t.rows.length);
        expect(parsed.columns).toEqual(Array.from({ length: t.width }, (_, c) => `c${c} (u)`));
        expect(Array.from(parsed.timestamps)).toEqual(t.rows.map(([d]) => d.ms));
        expect(Array.from(parsed.values)).toEqual(
          t.rows.flatMap(([, vs]) => vs.map((v) => Math.fround(v.v))),
        );
      }),
      fuzzParams(100),
    );
  });

  it('gives a result or a loadJena: error on damaged files', async () => {
    const noise = fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(',', '\r', '\n', '.', ':', ' ', '"', '-', 'e', '9', '0', '3', '\0', 'é'),
      ),
      { minLength: 1, maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(
        table,
        noise,
        fc.option(fc.array(fc.string(), { maxLength: 3 }), { nil: undefined }),
        async (t, edits, columns) => {
          const text = [...render(t).toString('latin1')];
          for (const [at, ch] of edits) text.splice(at % (text.length + 1), 1, ch);
          const bytes = Buffer.from(text.join(''), 'latin1');
          try {
            const parsed = await parseJenaCsv(splitBytes(bytes, t.splits), { fileName: 'f.csv', columns });
            expect(parsed.values.length).toBe(parsed.rows * parsed.columns.length);
            expect(parsed.timestamps.every(Number.isFinite)).toBe(true);
          } catch (error) {
            expect((error as Error).message).toMatch(/^loadJena: /);
          }
        },
      ),
      fuzzParams(150),
    );
  });
});
