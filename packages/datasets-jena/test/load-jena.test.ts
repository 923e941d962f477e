import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleFile } from '@tensorseq/test-utils/data';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zip } from '../../download/test/archive-builders';
import { commonSenseBaselineMae, loadJena, normalize, windowGenerator } from '../src/node';

/** The real hourly 2009–2016 file shipped in the repository (data/jena, zipped). */
const HOURLY = sampleFile('jena/jena_hourly_6vars_2009_2016.csv.zip');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tensorseq-jena-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Ten-minute rows starting 01.01.2009 00:10; `minutes` lists each row's offset from 00:00. */
function csv(minutes: number[], wv: (i: number) => number = () => 1.5): string {
  const lines = ['"Date Time","p (mbar)","T (degC)","wv (m/s)"'];
  minutes.forEach((m, i) => {
    const hh = String(Math.floor(m / 60)).padStart(2, '0');
    const mm = String(m % 60).padStart(2, '0');
    lines.push(`01.01.2009 ${hh}:${mm}:00,${1000 + i},${i / 10},${wv(i)}`);
  });
  return `${lines.join('\n')}\n`;
}

function write(name: string, data: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

const quiet = { onWarning: () => {} };

describe('loadJena', () => {
  it('loads a CSV into [rows, features] with timestamps and the sampling interval', async () => {
    const source = write('a.csv', csv([10, 20, 30, 40]));
    const jena = await loadJena({ source, ...quiet });
    expect(jena.columns).toEqual(['p (mbar)', 'T (degC)', 'wv (m/s)']);
    expect(jena.data.shape).toEqual([4, 3]);
    expect(jena.data.data[3 * 3 + 1]).toBeCloseTo(0.3, 6);
    expect(jena.intervalMs).toBe(600_000);
    expect(jena.quality.gaps).toEqual([]);
  });

  it('reads the CSV member of a zip (the Keras download)', async () => {
    const text = csv([10, 20, 30]);
    const source = write('jena.csv.zip', zip([{ name: 'jena_climate_2009_2016.csv', content: text }]));
    const fromZip = await loadJena({ source, ...quiet });
    const fromCsv = await loadJena({ source: write('jena.csv', text), ...quiet });
    expect(fromZip).toEqual(fromCsv);
  });

  it('reports sentinels, gaps and duplicates, and warns once', async () => {
    const warnings: string[] = [];
    const source = write(
      'q.csv',
      csv([10, 20, 20, 30, 60, 70], (i) => (i === 3 ? -9999 : 2)),
    );
    const jena = await loadJena({ source, onWarning: (m) => warnings.push(m) });
    expect(jena.quality.sentinels).toEqual([{ column: 'wv (m/s)', value: -9999, count: 1, rows: [3] }]);
    expect(jena.quality.duplicateRows).toEqual([2]);
    expect(jena.quality.gaps).toEqual([
      { row: 4, from: Date.UTC(2009, 0, 1, 0, 30), to: Date.UTC(2009, 0, 1, 1, 0), missing: 2 },
    ]);
    expect(jena.data.data[3 * 3 + 2]).toBe(-9999);
    expect(warnings).toEqual([
      'loadJena: q.csv: 1 sentinel -9999 in "wv (m/s)", 1 gaps in time (2 missing samples), 1 duplicate timestamps; cleaned: 0 sentinels replaced, 0 duplicates dropped, 0 gap rows inserted (see .quality).',
    ]);
  });

  it('cleans sentinels and duplicates when asked, and says so', async () => {
    const source = write(
      'q.csv',
      csv([10, 20, 20, 30], (i) => (i === 3 ? -9999 : 2)),
    );
    const jena = await loadJena({ source, clean: { sentinels: 'zero', dropDuplicates: true }, ...quiet });
    expect(jena.data.shape).toEqual([3, 3]);
    expect(jena.data.data[2 * 3 + 2]).toBe(0);
    expect(jena.quality.cleaned).toEqual({ sentinelsReplaced: 1, duplicatesDropped: 1, gapRowsInserted: 0 });
    const previous = await loadJena({ source, clean: { sentinels: 'previous' }, ...quiet });
    expect(previous.data.data[3 * 3 + 2]).toBe(2);
  });

  it('fills gaps on request, holding or interpolating', async () => {
    const source = write('gap.csv', csv([10, 20, 50, 60]));
    const linear = await loadJena({ source, clean: { fillGaps: 'linear' }, ...quiet });
    expect([...linear.timestamps]).toEqual([10, 20, 30, 40, 50, 60].map((m) => Date.UTC(2009, 0, 1, 0, m)));
    // p goes 1001 → 1002 over the gap
    const p = (jena: typeof linear) => [0, 1, 2, 3, 4, 5].map((r) => jena.data.data[r * 3]);
    expect(p(linear)).toEqual([1000, 1001, 1001 + 1 / 3, 1001 + 2 / 3, 1002, 1003].map(Math.fround));
    expect(linear.quality.cleaned.gapRowsInserted).toBe(2);
    const held = await loadJena({ source, clean: { fillGaps: 'previous' }, ...quiet });
    expect(p(held)).toEqual([1000, 1001, 1001, 1001, 1002, 1003]);
  });

  it('feeds windowGenerator from a generated CSV: hand-checked window and target', async () => {
    const source = write('w.csv', csv([10, 20, 30, 40, 50, 60, 70, 80]));
    const jena = await loadJena({ source, ...quiet });
    // lookback 30 min = 3 rows, step 10 min = 1 row, delay 20 min = 2 rows; first window ends at row 3
    const batch = windowGenerator(jena.data, {
      lookback: '30min',
      step: '10min',
      delay: '20min',
      batchSize: 1,
      samplingInterval: jena.intervalMs,
    }).next().value!;
    expect(batch.xs.shape).toEqual([1, 3, 3]);
    expect([0, 1, 2].map((t) => batch.xs.data[t * 3])).toEqual([1000, 1001, 1002]); // p of rows 0..2
    expect(batch.ys.data[0]).toBeCloseTo(0.5, 6); // T of row 3 + 2 = 5 is 5 / 10
  });

  it('concatenates several station files with the same header', async () => {
    const a = write('a.csv', csv([10, 20]));
    const b = write('b.csv', csv([30, 40]));
    const jena = await loadJena({ source: [a, b], ...quiet });
    expect(jena.data.shape).toEqual([4, 3]);
    expect(jena.timestamps[3]).toBe(Date.UTC(2009, 0, 1, 0, 40));
  });

  it('reads a raw MPI station file: 22 Latin-1 columns, CRLF, -9999 sentinels', async () => {
    const names = [
      'p (mbar)',
      'T (degC)',
      'Tpot (K)',
      'Tdew (degC)',
      'rh (%)',
      'VPmax (mbar)',
      'VPact (mbar)',
      'VPdef (mbar)',
      'sh (g/kg)',
      'H2OC (mmol/mol)',
      'rho (g/m**3)',
      'wv (m/s)',
      'max. wv (m/s)',
      'wd (deg)',
      'rain (mm)',
      'raining (s)',
      'SWDR (W/m²)',
      'PAR (µmol/m²/s)',
      'max. PAR (µmol/m²/s)',
      'Tlog (degC)',
      'CO2 (ppm)',
    ];
    const row = (time: string, wv: number) =>
      `${time},${names.map((_, c) => (c === 11 ? wv : c + 0.5)).join(',')}`;
    const text = [
      ['Date Time', ...names].map((n) => `"${n}"`).join(','),
      row('01.01.2016 00:10:00', 1.2),
      row('01.01.2016 00:20:00', -9999),
    ].join('\r\n');
    const source = write('mpi_roof_2016a.csv', Buffer.from(`${text}\r\n`, 'latin1'));
    const jena = await loadJena({ source, columns: ['T', 'wv', 'SWDR (W/m²)'], ...quiet });
    expect(jena.columns).toEqual(['T (degC)', 'wv (m/s)', 'SWDR (W/m²)']);
    expect([...jena.data.data]).toEqual([1.5, 1.2, 16.5, 1.5, -9999, 16.5].map(Math.fround));
    expect(jena.quality.sentinels.map((s) => [s.column, s.count])).toEqual([['wv (m/s)', 1]]);
  });

  it('names a missing source', async () => {
    const source = join(dir, 'missing.csv');
    await expect(loadJena({ source })).rejects.toThrow(
      `loadJena: source must be a readable file. Received: source=${source}.`,
    );
  });

  it('names the file and line of a malformed row', async () => {
    const source = write('bad.csv', `${csv([10, 20])}01.01.2009 00:30:00,1,x,2\n`);
    await expect(loadJena({ source })).rejects.toThrow(
      `loadJena: every value must be a number. Received: "x" in column "T (degC)" at ${source}:4.`,
    );
  });

  it('computes the book baseline on the shipped hourly file (zipped)', async () => {
    const jena = await loadJena({ source: HOURLY, ...quiet });
    expect(jena.data.shape).toEqual([70038, 6]);
    expect(jena.intervalMs).toBe(3_600_000);
    // The book's split, in time units: train = first 200,000 ten-minute rows = 33,333 hourly rows.
    const trainRows = Math.floor(200_000 / 6);
    const { data, std } = normalize(jena.data, { rows: trainRows });
    const result = commonSenseBaselineMae(data, {
      lookback: '10d',
      step: '1h',
      delay: '24h',
      minIndex: trainRows + 1,
      maxIndex: 50_000,
      samplingInterval: jena.intervalMs,
      std,
    });
    console.log(
      `common-sense baseline on the hourly file: MAE ${result.mae.toFixed(4)} (normalized), ${result.maeCelsius?.toFixed(3)} °C over ${result.batches} batches`,
    );
    expect(result.mae).toBeGreaterThan(0.25);
    expect(result.mae).toBeLessThan(0.33);
  });
});
