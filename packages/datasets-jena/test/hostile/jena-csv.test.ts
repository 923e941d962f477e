// Wrong answers without an error (issue #16), Jena: impossible dates, duplicate column names, CR-only
// line ends and a typo year that made fillGaps allocate gigabytes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadJena } from '../../src/node';
import { parseJenaCsv } from '../../src/parse-jena-csv';

const dir = mkdtempSync(join(tmpdir(), 'tensorseq-hostile-jena-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header = '"Date Time","p (mbar)","T (degC)"';
const csv = (...rows: string[]) => Buffer.from(`${header}\n${rows.join('\n')}\n`);
const parse = (bytes: Buffer, columns?: string[]) => parseJenaCsv([bytes], { fileName: 'x.csv', columns });

describe('Jena CSV: dates', () => {
  it.each([
    ['31.02.2009 00:10:00', 'February 31st'],
    ['29.02.2009 00:10:00', 'February 29th of a common year'],
    ['31.04.2009 00:10:00', 'April 31st'],
    ['01.01.2009 00:10:60', 'second 60'],
  ])('rejects %s (%s) instead of rolling it into the next month', async (date) => {
    await expect(parse(csv('01.01.2009 00:00:00,996.5,-8.0', `${date},996.5,-8.0`))).rejects.toThrow(
      `loadJena: Date Time must be a real date and time "dd.mm.yyyy HH:MM:SS". Received: "${date}" at x.csv:3.`,
    );
  });

  it('accepts February 29th of leap years (2012, 2000)', async () => {
    const parsed = await parse(csv('29.02.2012 00:10:00,996.5,-8.0', '29.02.2000 00:10:00,996.5,-8.0'));
    expect(Array.from(parsed.timestamps)).toEqual([
      Date.UTC(2012, 1, 29, 0, 10),
      Date.UTC(2000, 1, 29, 0, 10),
    ]);
  });
});

describe('Jena CSV: columns and line ends', () => {
  it('rejects one column named twice (it left a column of zeros)', async () => {
    await expect(parse(csv('01.01.2009 00:10:00,996.5,-8.0'), ['T', 'T (degC)'])).rejects.toThrow(
      'loadJena: columns must name each column once. Received: columns=["T","T (degC)"] ("T (degC)" repeats "T (degC)").',
    );
    await expect(parse(csv('01.01.2009 00:10:00,996.5,-8.0'), ['p', 'p'])).rejects.toThrow(
      'loadJena: columns must name each column once. Received: columns=["p","p"] ("p" repeats "p (mbar)").',
    );
  });

  it('reads CR-only line ends as lines (they read as "a header only")', async () => {
    const bytes = Buffer.from(`${header}\r01.01.2009 00:10:00,996.5,-8.0\r01.01.2009 00:20:00,996.6,-8.1\r`);
    const parsed = await parse(bytes);
    expect(parsed.rows).toBe(2);
    expect(Array.from(parsed.values)).toEqual([996.5, -8, 996.6, -8.1].map(Math.fround));
  });

  it('reads CR-only files split into several chunks', async () => {
    const text = `${header}\r01.01.2009 00:10:00,996.5,-8.0\r01.01.2009 00:20:00,996.6,-8.1`;
    const bytes = Buffer.from(text);
    const parsed = await parseJenaCsv([bytes.subarray(0, 50), bytes.subarray(50)], { fileName: 'x.csv' });
    expect(parsed.rows).toBe(2);
  });
});

describe('Jena: fillGaps is bounded', () => {
  const write = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('refuses to fill a millennium-long gap from a typo year, before allocating it', async () => {
    const path = write(
      'typo.csv',
      csv(
        '01.01.2009 00:10:00,996.5,-8.0',
        '01.01.2009 00:20:00,996.5,-8.0',
        '01.01.3009 00:30:00,996.5,-8.0',
      ),
    );
    const before = process.memoryUsage().rss;
    await expect(
      loadJena({ source: path, clean: { fillGaps: 'linear' }, onWarning: () => {} }),
    ).rejects.toThrow(
      'loadJena: every gap fillGaps fills must span at most clean.maxGapMs=2678400000 (31 days). Received: a gap of 365242 days between rows 2 and 3 ("01.01.2009 00:20:00" → "01.01.3009 00:30:00") of typo.csv. To fix this, correct that timestamp, or raise clean.maxGapMs.',
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 2 ** 20);
  });

  it('still fills ordinary gaps, and reports the typo year without filling', async () => {
    const path = write(
      'gap.csv',
      csv(
        '01.01.2009 00:10:00,1,1',
        '01.01.2009 00:20:00,2,2',
        '01.01.2009 00:30:00,3,3',
        '01.01.2009 01:00:00,6,6',
      ),
    );
    const jena = await loadJena({ source: path, clean: { fillGaps: 'linear' }, onWarning: () => {} });
    expect(jena.data.shape).toEqual([6, 2]);
    expect(Array.from(jena.data.data.subarray(6, 10))).toEqual([4, 4, 5, 5]);
  });

  it('bounds the total of many fillable gaps', async () => {
    // Six rows 10 minutes apart set the interval; then three gaps of one day each (143 samples each).
    const steady = [0, 10, 20, 30, 40, 50].map((m) => `01.01.2009 00:${String(m).padStart(2, '0')}:00,1,1`);
    const daily = [2, 3, 4].map((d) => `0${d}.01.2009 00:50:00,1,1`);
    const path = write('many.csv', csv(...steady, ...daily));
    await expect(
      loadJena({
        source: path,
        clean: { fillGaps: 'previous', maxGapMs: 1.5 * 86_400_000 },
        onWarning: () => {},
      }),
    ).rejects.toThrow(
      'loadJena: fillGaps must insert at most 216 rows (the rows of the file, or one longest gap). Received: 429 missing samples in 3 gaps of many.csv. To fix this, check the timestamps, or fill fewer gaps.',
    );
  });

  it('checks maxGapMs', async () => {
    const path = write('ok.csv', csv('01.01.2009 00:10:00,1,1'));
    await expect(loadJena({ source: path, clean: { maxGapMs: -1 } })).rejects.toThrow(
      'loadJena: clean.maxGapMs must be a positive number of ms. Received: clean.maxGapMs=-1.',
    );
  });
});
