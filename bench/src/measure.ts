/**
 * Shared measuring helpers for every bench suite: timing with warm-up and median, peak RSS, result tables
 * and JSON output under bench/results/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The machine's 1/5/15-minute load averages when this suite started (each suite is its own process). */
const LOAD_AT_START = loadavg();

/** Load averages rounded for tables and JSON. */
export function loadAverage(values: number[] = loadavg()): number[] {
  return values.map((l) => Math.round(l * 100) / 100);
}

/** `load 1m/5m/15m at start → at end` for a table caption. */
export function loadCaption(): string {
  const f = (v: number[]) => loadAverage(v).join(' / ');
  return `load average (1/5/15 min) ${f(LOAD_AT_START)} at start, ${f(loadavg())} now (${availableParallelism()} cores)`;
}

/**
 * A full-size data file under `$TENSORSEQ_DATA` (e.g. `aclImdb_labeled.tar.gz`), or a one-line reason to
 * skip: benches never reach into a sibling checkout.
 */
export function benchDataFile(name: string): { path: string } | { skip: string } {
  const dir = process.env.TENSORSEQ_DATA;
  if (!dir) return { skip: `skipped: set TENSORSEQ_DATA to the folder that holds ${name}` };
  const path = join(dir, name);
  if (!existsSync(path)) return { skip: `skipped: ${path} not found (TENSORSEQ_DATA=${dir})` };
  return { path };
}

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
  /** Median CPU time (user + system, every thread of this process) of the timed runs. */
  cpuMs: number;
  /** CPU time of each timed run. */
  cpuRunsMs: number[];
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns the wall and CPU medians. */
export async function time(
  fn: () => unknown | Promise<unknown>,
  options: TimingOptions = {},
): Promise<Timing> {
  const { warmup = 1, runs = 5 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const runsMs: number[] = [];
  const cpuRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    runsMs.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpuRuns.push((used.user + used.system) / 1000);
  }
  return {
    medianMs: median(runsMs),
    minMs: Math.min(...runsMs),
    runsMs,
    cpuMs: median(cpuRuns),
    cpuRunsMs: cpuRuns,
  };
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

/** A step's median wall and CPU time and the peak RSS it reached above the heap after a GC. */
export interface StepMeasure {
  /** Median wall-clock time of a step. */
  ms: number;
  /** Median CPU time (user + system, every thread) of a step: robust to other processes sharing the cores. */
  cpuMs: number;
  rssMiB: number;
}

/** Collects garbage first (needs `--expose-gc`), then times `step` while tracking peak RSS. */
export async function measureStep(step: () => unknown, options: TimingOptions): Promise<StepMeasure> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage.rss() / 2 ** 20;
  const rss = trackPeakRss();
  const t = await time(step, options);
  return { ms: t.medianMs, cpuMs: t.cpuMs, rssMiB: rss.stop() - base };
}

/** Issue #14's goals against PyTorch: floor ≤ 0.8×, moonshot ≤ 0.5×. */
export function torchGoal(ratio: number): string {
  if (Number.isNaN(ratio)) return 'no peer run';
  return ratio <= 0.5 ? 'moonshot (≤0.5)' : ratio <= 0.8 ? 'floor (≤0.8)' : 'MISSED';
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

/** Writes `bench/results/<name>.json` (with the load average at the suite's start and now) and returns its path. */
export function writeResults(name: string, data: unknown): string {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        name,
        date: new Date().toISOString(),
        node: process.version,
        loadavg: { start: loadAverage(LOAD_AT_START), end: loadAverage() },
        data,
      },
      null,
      2,
    )}\n`,
  );
  return file;
}
