/**
 * Shared measuring helpers for every bench suite: timing with warm-up and median, peak RSS, result tables
 * and JSON output under bench/results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface TimingOptions {
  /** Untimed runs first (JIT, caches). @defaultValue 1 */
  warmup?: number;
  /** Timed runs; the median is reported. @defaultValue 5 */
  runs?: number;
}

export interface Timing {
  medianMs: number;
  minMs: number;
  runsMs: number[];
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns the median. */
export async function time(
  fn: () => unknown | Promise<unknown>,
  options: TimingOptions = {},
): Promise<Timing> {
  const { warmup = 1, runs = 5 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    runsMs.push(performance.now() - t0);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { medianMs, minMs: sorted[0], runsMs };
}

/** Samples RSS every few milliseconds; `stop()` returns the peak in MiB (including the start value). */
export function trackPeakRss(intervalMs = 5): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return peak / 2 ** 20;
    },
  };
}

/** Prints rows as an aligned plain-text table (markdown-compatible). */
export function printTable(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]);
  const cell = (v: string | number | undefined) =>
    typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : (v ?? '');
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(cols));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(cols.map((c) => cell(r[c]))));
}

/** Writes `bench/results/<name>.json` and returns its path. */
export function writeResults(name: string, data: unknown): string {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ name, date: new Date().toISOString(), node: process.version, data }, null, 2)}\n`,
  );
  return file;
}
