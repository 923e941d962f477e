import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDataDir, shippedDataFile } from '../src/index';
import { defaultJenaSource, JENA_HOURLY_FILE, SHIPPED_JENA_HOURLY } from '../src/jena/index';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('defaultDataDir', () => {
  it('is $TENSORSEQ_DATA, and nothing outside the repository otherwise', () => {
    expect(defaultDataDir({ TENSORSEQ_DATA: '/data' })).toBe('/data');
    expect(defaultDataDir({})).toBeUndefined();
    expect(defaultDataDir({ TENSORSEQ_DATA: '' })).toBeUndefined();
  });
});

describe('defaultJenaSource', () => {
  it('falls back to the hourly file the repository ships', () => {
    expect(defaultJenaSource(undefined)).toBe(shippedDataFile(SHIPPED_JENA_HOURLY));
    expect(shippedDataFile(SHIPPED_JENA_HOURLY)).toMatch(
      /\/data\/jena\/jena_hourly_6vars_2009_2016\.csv\.zip$/,
    );
  });

  it('prefers the data folder’s hourly file, then leaves its official file to loadJena', () => {
    dir = mkdtempSync(join(tmpdir(), 'tensorseq-data-'));
    expect(defaultJenaSource(dir)).toBe(shippedDataFile(SHIPPED_JENA_HOURLY));
    writeFileSync(join(dir, 'jena_climate_2009_2016.csv.zip'), '');
    expect(defaultJenaSource(dir)).toBeUndefined();
    mkdirSync(join(dir, 'jena'));
    writeFileSync(join(dir, JENA_HOURLY_FILE), '');
    expect(defaultJenaSource(dir)).toBe(join(dir, JENA_HOURLY_FILE));
  });
});
