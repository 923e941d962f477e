// The main entry reads CSVs and zips from a Response, a Blob, bytes or a stream: no file system (the
// shipped sample is read here only to have its bytes).
import { readFileSync } from 'node:fs';
import { sampleFile } from '@tensorseq/test-utils/data';
import { describe, expect, it } from 'vitest';
import { loadJena } from '../src/index';
import { loadJena as loadJenaFromPath } from '../src/node';

const HOURLY = sampleFile('jena/jena_hourly_6vars_2009_2016.csv.zip');
const zipBytes = new Uint8Array(readFileSync(HOURLY));
const quiet = { onWarning: () => {} };
const csv = (temps: number[]) =>
  new TextEncoder().encode(
    `"Date Time","T (degC)"\n${temps.map((t, i) => `01.01.2009 0${i}:00:00,${t}`).join('\n')}\n`,
  );

/** Bit-exact equality of two typed arrays (a deep `toEqual` on 400k floats takes seconds). */
function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  const bytes = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  return a.byteLength > 0 && Buffer.compare(bytes(a), bytes(b)) === 0;
}

describe('loadJena (universal sources)', () => {
  it('reads the zipped sample from a Blob and a Response exactly as from its path', async () => {
    const fromPath = await loadJenaFromPath({ source: HOURLY, ...quiet });
    for (const source of [new Blob([zipBytes]), new Response(zipBytes)]) {
      const jena = await loadJena({ source, ...quiet });
      expect(jena.columns).toEqual(fromPath.columns);
      expect(jena.data.shape).toEqual(fromPath.data.shape);
      expect(sameBytes(jena.data.data, fromPath.data.data)).toBe(true);
      expect(sameBytes(jena.timestamps, fromPath.timestamps)).toBe(true);
    }
  });

  it('streams a CSV from a ReadableStream and concatenates several sources', async () => {
    const stream = new Response(csv([1, 2])).body as ReadableStream<Uint8Array>;
    const jena = await loadJena({ source: [stream, csv([3, 4]).slice()], ...quiet });
    expect(Array.from(jena.data.data)).toEqual([1, 2, 3, 4].map((t) => Math.fround(t)));
  });

  it('refuses a zip above maxZipBytes and a file path in the main entry', async () => {
    await expect(loadJena({ source: zipBytes, maxZipBytes: 1000, ...quiet })).rejects.toThrow(
      /maxZipBytes=1000/,
    );
    await expect(loadJena({ source: 'jena.csv', ...quiet })).rejects.toThrow(/\/node/);
  });
});
