/**
 * Jena CSV parse speed and memory: the hourly file under $TENSORSEQ_DATA (when present) and a synthetic file the size of
 * the Keras one (420,551 rows × 15 columns, generated in a temp dir).
 *
 * Memory is the peak growth of JS heap + ArrayBuffers during one load (sampled every millisecond; needs
 * --expose-gc, which pnpm bench passes), compared with the Float32 result's size.
 *
 * Run: pnpm bench datasets
 */
import { appendFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadJena } from '@tensorseq/datasets-jena/node';
import { benchDataFile, printTable, time, writeResults } from '../src/measure';

const hourly = benchDataFile('jena/jena_hourly_6vars_2009_2016.csv');
const ROWS = 420_551;
const FEATURES = 14;

/** A Keras-like CSV: `dd.mm.yyyy HH:MM:SS` every 10 minutes and 14 two-decimal values, seeded. */
function writeSynthetic(path: string): void {
  let state = 42;
  const rand = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const header = ['"Date Time"', ...Array.from({ length: FEATURES }, (_, c) => `"v${c} (unit)"`)].join(',');
  let lines: string[] = [header];
  const start = Date.UTC(2009, 0, 1, 0, 10);
  const two = (n: number) => String(n).padStart(2, '0');
  for (let r = 0; r < ROWS; r++) {
    const d = new Date(start + r * 600_000);
    const stamp = `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:00`;
    const values = Array.from({ length: FEATURES }, () => ((rand() - 0.3) * 1000).toFixed(2));
    lines.push(`${stamp},${values.join(',')}`);
    if (lines.length === 10_000 || r === ROWS - 1) {
      appendFileSync(path, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
}

/** JS heap + ArrayBuffer bytes (what the parse itself allocates, unlike RSS, which never shrinks). */
function liveMiB(): number {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}

async function measure(name: string, source: string) {
  const quiet = { onWarning: () => {} };
  (globalThis as { gc?: () => void }).gc?.();
  const before = liveMiB();
  let peak = before;
  // The parse awaits between stream chunks, so this sampler sees the peak while it runs.
  const timer = setInterval(() => {
    peak = Math.max(peak, liveMiB());
  }, 1);
  const jena = await loadJena({ source, ...quiet });
  clearInterval(timer);
  peak = Math.max(peak, liveMiB());
  const resultMiB = jena.data.data.byteLength / 2 ** 20;
  const timing = await time(() => loadJena({ source, ...quiet }), { warmup: 1, runs: 5 });
  return {
    file: name,
    rows: jena.data.shape[0],
    columns: jena.data.shape[1] + 1,
    'size MiB': statSync(source).size / 2 ** 20,
    'median ms': timing.medianMs,
    'min ms': timing.minMs,
    'result MiB': resultMiB,
    'peak live growth MiB': peak - before,
    'peak / result': (peak - before) / resultMiB,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'tensorseq-jena-bench-'));
try {
  const rows = [];
  if ('path' in hourly) rows.push(await measure('hourly (6 vars)', hourly.path));
  else console.log(`(hourly file ${hourly.skip})`);
  const synthetic = join(dir, 'synthetic.csv');
  writeSynthetic(synthetic);
  rows.push(await measure(`synthetic ${ROWS} × 15`, synthetic));
  printTable(rows);
  console.log(`results: ${writeResults('jena-parse', rows)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
