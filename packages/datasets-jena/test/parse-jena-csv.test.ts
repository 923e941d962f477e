import { describe, expect, it } from 'vitest';
import { parseJenaCsv } from '../src/node';

const header = '"Date Time","p (mbar)","T (degC)","wv (m/s)"';
const rows = ['01.01.2009 00:10:00,996.52,-8.02,1.03', '01.01.2009 00:20:00,996.57,-8.41,0.72'];

const parse = (text: string | Buffer, columns?: string[]) =>
  parseJenaCsv([Buffer.from(text)], { fileName: 'x.csv', columns });

describe('parseJenaCsv', () => {
  it('parses the Keras layout, dropping Date Time from the features', async () => {
    const parsed = await parse(`${header}\n${rows.join('\n')}\n`);
    expect(parsed.columns).toEqual(['p (mbar)', 'T (degC)', 'wv (m/s)']);
    expect(parsed.rows).toBe(2);
    expect([...parsed.values]).toEqual([996.52, -8.02, 1.03, 996.57, -8.41, 0.72].map(Math.fround));
    expect([...parsed.timestamps]).toEqual([Date.UTC(2009, 0, 1, 0, 10), Date.UTC(2009, 0, 1, 0, 20)]);
  });

  it('gives the same result whatever the chunking', async () => {
    const text = Buffer.from(`${header}\r\n${rows.join('\r\n')}`);
    const whole = await parseJenaCsv([text], { fileName: 'x.csv' });
    const bytes = [...text].map((b) => Buffer.from([b]));
    const split = await parseJenaCsv(bytes, { fileName: 'x.csv' });
    expect(split).toEqual(whole);
    expect(whole.rows).toBe(2);
  });

  it('reads raw MPI files: Latin-1 header, CRLF', async () => {
    const latin1 = Buffer.from(
      '"Date Time","SWDR (W/m²)","PAR (µmol/m²/s)"\r\n01.07.2016 12:00:00,512.3,1002.1\r\n',
      'latin1',
    );
    const parsed = await parseJenaCsv([latin1], { fileName: 'mpi_roof_2016b.csv' });
    expect(parsed.columns).toEqual(['SWDR (W/m²)', 'PAR (µmol/m²/s)']);
    expect([...parsed.values]).toEqual([512.3, 1002.1].map(Math.fround));
  });

  it('keeps a column subset in the requested order, by full or short name', async () => {
    const parsed = await parse(`${header}\n${rows.join('\n')}\n`, ['wv (m/s)', 'T']);
    expect(parsed.columns).toEqual(['wv (m/s)', 'T (degC)']);
    expect([...parsed.values]).toEqual([1.03, -8.02, 0.72, -8.41].map(Math.fround));
  });

  it('reads exponents and signs', async () => {
    const parsed = await parse('Date Time,a\n01.01.2009 00:10:00,+1.5e2\n01.01.2009 00:20:00,-25E-1\n');
    expect([...parsed.values]).toEqual([150, -2.5]);
  });

  it.each([
    [
      'an empty file',
      '',
      'loadJena: source must hold a header and at least one row. Received: an empty file in x.csv.',
    ],
    [
      'a header only',
      `${header}\n`,
      'loadJena: source must hold a header and at least one row. Received: a header only in x.csv.',
    ],
    [
      'a short row',
      `${header}\n${rows[0]}\n01.01.2009 00:20:00,996.57,-8.41\n`,
      'loadJena: every row must have 4 fields like the header. Received: 3 fields at x.csv:3.',
    ],
    [
      'a long row',
      `${header}\n${rows[0]},7\n`,
      'loadJena: every row must have 4 fields like the header. Received: 5 fields at x.csv:2.',
    ],
    [
      'a non-numeric value',
      `${header}\n01.01.2009 00:10:00,996.52,abc,1.03\n`,
      'loadJena: every value must be a number. Received: "abc" in column "T (degC)" at x.csv:2.',
    ],
    [
      'an empty value',
      `${header}\n01.01.2009 00:10:00,996.52,,1.03\n`,
      'loadJena: every value must be a number. Received: "" in column "T (degC)" at x.csv:2.',
    ],
    [
      'a malformed date',
      `${header}\n2009-01-01 00:10:00,996.52,-8.02,1.03\n`,
      'loadJena: Date Time must be a real date and time "dd.mm.yyyy HH:MM:SS". Received: "2009-01-01 00:10:00" at x.csv:2.',
    ],
    [
      'a missing Date Time column',
      '"p (mbar)","T (degC)"\n1,2\n',
      'loadJena: the first column must be "Date Time". Received: "p (mbar)" at x.csv:1.',
    ],
  ])('rejects %s naming the file and line', async (_name, text, message) => {
    await expect(parse(text)).rejects.toThrow(message);
  });

  it('rejects unknown columns, listing the known ones', async () => {
    await expect(parse(`${header}\n${rows[0]}\n`, ['T', 'rain'])).rejects.toThrow(
      'loadJena: columns must name columns of x.csv (p (mbar), T (degC), wv (m/s)). Received: columns=["T","rain"] (unknown "rain").',
    );
  });
});
