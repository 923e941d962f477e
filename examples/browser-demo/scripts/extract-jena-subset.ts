/**
 * Writes public/data/jena-2009-2010-3h.json, the small Jena subset the page trains on: the first two years
 * (2009–2010) of the hourly record shipped in data/jena/, every third row (3-hourly), its 6 variables
 * rounded to 2 decimals. Run: pnpm --filter browser-demo extract-jena
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadJena } from '@tensorseq/datasets-jena';

const SOURCE = fileURLToPath(
  new URL('../../../data/jena/jena_hourly_6vars_2009_2016.csv.zip', import.meta.url),
);
const OUT = fileURLToPath(new URL('../public/data/jena-2009-2010-3h.json', import.meta.url));
const EVERY = 3;
const END = Date.UTC(2011, 0, 1);

const jena = await loadJena({ source: SOURCE, onWarning: () => {} });
const [rows, features] = jena.data.shape;
const values: number[][] = [];
let first = Number.NaN;
for (let r = 0; r < rows && jena.timestamps[r] < END; r += EVERY) {
  if (Number.isNaN(first)) first = jena.timestamps[r];
  const row = jena.data.data.subarray(r * features, (r + 1) * features);
  values.push(Array.from(row, (v) => Math.round(v * 100) / 100));
}
const sha256 = createHash('sha256')
  .update(await readFile(SOURCE))
  .digest('hex');
const subset = {
  source: 'data/jena/jena_hourly_6vars_2009_2016.csv.zip',
  sourceSha256: sha256,
  cut: `rows before 2011-01-01, every ${EVERY}rd hourly row, values rounded to 2 decimals`,
  columns: jena.columns,
  start: new Date(first).toISOString(),
  intervalHours: EVERY,
  rows: values.length,
  values,
};
await writeFile(OUT, `${JSON.stringify(subset)}\n`);
console.log(
  `Wrote ${OUT}: ${values.length} rows × ${features} (${jena.columns.join(', ')}) from ${subset.start}`,
);
