import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zip } from '../../download/test/archive-builders';
import { commonSenseBaselineMae, loadJena, normalize } from '../src/index';

const SHARED_HOURLY = join(__dirname, '../../../../shared/data/jena/jena_hourly_6vars_2009_2016.csv');

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
      'loadJena: q.csv: 1 sentinel -9999 in "wv (m/s)", 1 gaps in time (2 missing samples), 1 duplicate timestamps; cleaned: 0 sentinels replaced, 0 duplicates dropped (see .quality).',
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
    expect(jena.quality.cleaned).toEqual({ sentinelsReplaced: 1, duplicatesDropped: 1 });
    const previous = await loadJena({ source, clean: { sentinels: 'previous' }, ...quiet });
    expect(previous.data.data[3 * 3 + 2]).toBe(2);
  });

  it('concatenates several station files with the same header', async () => {
    const a = write('a.csv', csv([10, 20]));
    const b = write('b.csv', csv([30, 40]));
    const jena = await loadJena({ source: [a, b], ...quiet });
    expect(jena.data.shape).toEqual([4, 3]);
    expect(jena.timestamps[3]).toBe(Date.UTC(2009, 0, 1, 0, 40));
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

  it.skipIf(!existsSync(SHARED_HOURLY))('computes the book baseline on the shared hourly file', async () => {
    const jena = await loadJena({ source: SHARED_HOURLY, ...quiet });
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
