import {
  DEFAULT_MAX_GAP_MS,
  type JenaCleanOptions,
  type JenaQuality,
  SENTINEL,
  type SentinelReport,
  samplingIntervalMs,
} from './jena-quality';

/** Rows, columns and values as parsed, before or after cleaning. */
export interface JenaTable {
  columns: string[];
  timestamps: Float64Array;
  values: Float32Array;
  rows: number;
}

/**
 * Reports sentinels, gaps, duplicate and backward timestamps, and applies the requested cleaning.
 *
 * @param table - the parsed table (its arrays may be replaced, never mutated when nothing is cleaned).
 * @param clean - what to repair.
 * @param source - the file, for error messages.
 * @returns the (possibly cleaned) table and the report.
 * @example
 * const { table, quality } = inspectAndClean(parsed, { sentinels: 'zero' });
 */
export function inspectAndClean(
  table: JenaTable,
  clean: JenaCleanOptions = {},
  source = 'the source',
): { table: JenaTable; quality: JenaQuality } {
  const { sentinels = 'keep', dropDuplicates = false, fillGaps, maxGapMs = DEFAULT_MAX_GAP_MS } = clean;
  if (!(Number.isFinite(maxGapMs) && maxGapMs > 0)) {
    throw new RangeError(
      `loadJena: clean.maxGapMs must be a positive number of ms. Received: clean.maxGapMs=${maxGapMs}.`,
    );
  }
  const duplicateRows: number[] = [];
  const backwardRows: number[] = [];
  const { timestamps } = table;
  for (let i = 1; i < table.rows; i++) {
    const d = timestamps[i] - timestamps[i - 1];
    if (d === 0) duplicateRows.push(i);
    else if (d < 0) backwardRows.push(i);
  }
  const kept = dropDuplicates && duplicateRows.length > 0 ? dropRows(table, duplicateRows) : table;
  const sentinelReports = findSentinels(kept);
  let replaced = 0;
  if (sentinels !== 'keep') replaced = replaceSentinels(kept, sentinels);
  const intervalMs = samplingIntervalMs(kept.timestamps);
  const gaps = findGaps(kept.timestamps, intervalMs);
  const filled =
    fillGaps !== undefined && gaps.length > 0
      ? insertRows(kept, checkGapsFillable(kept, gaps, intervalMs, maxGapMs, source), intervalMs, fillGaps)
      : kept;
  return {
    table: filled,
    quality: {
      intervalMs,
      sentinels: sentinelReports,
      gaps,
      duplicateRows,
      backwardRows,
      cleaned: {
        sentinelsReplaced: replaced,
        duplicatesDropped: kept === table ? 0 : duplicateRows.length,
        gapRowsInserted: filled.rows - kept.rows,
      },
    },
  };
}

/** Refuses gaps too long to fill (before allocating anything): each ≤ maxGapMs, and a bounded total. */
function checkGapsFillable(
  table: JenaTable,
  gaps: JenaQuality['gaps'],
  intervalMs: number,
  maxGapMs: number,
  source: string,
): JenaQuality['gaps'] {
  for (const gap of gaps) {
    if (gap.to - gap.from > maxGapMs) {
      throw new RangeError(
        `loadJena: every gap fillGaps fills must span at most clean.maxGapMs=${maxGapMs} (${formatSpan(maxGapMs)}). Received: a gap of ${formatSpan(gap.to - gap.from)} between rows ${gap.row} and ${gap.row + 1} ("${formatJenaDate(gap.from)}" → "${formatJenaDate(gap.to)}") of ${source}. To fix this, correct that timestamp, or raise clean.maxGapMs.`,
      );
    }
  }
  const inserted = gaps.reduce((n, g) => n + g.missing, 0);
  const allowed = Math.max(table.rows, Math.ceil(maxGapMs / intervalMs));
  if (inserted > allowed) {
    throw new RangeError(
      `loadJena: fillGaps must insert at most ${allowed} rows (the rows of the file, or one longest gap). Received: ${inserted} missing samples in ${gaps.length} gaps of ${source}. To fix this, check the timestamps, or fill fewer gaps.`,
    );
  }
  return gaps;
}

function formatSpan(ms: number): string {
  const days = ms / 86_400_000;
  return days >= 1 ? `${Math.round(days * 10) / 10} days` : `${Math.round(ms / 60_000)} minutes`;
}

/** ms since epoch → `dd.mm.yyyy HH:MM:SS` (UTC), the files' own format. */
function formatJenaDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/**
 * Inserts the missing samples of each gap, at `from + k × interval`, holding the previous row's values or
 * interpolating linearly between the rows around the gap.
 */
function insertRows(
  table: JenaTable,
  gaps: JenaQuality['gaps'],
  intervalMs: number,
  mode: 'previous' | 'linear',
): JenaTable {
  const width = table.columns.length;
  const rows = table.rows + gaps.reduce((n, g) => n + g.missing, 0);
  const values = new Float32Array(rows * width);
  const timestamps = new Float64Array(rows);
  let out = 0;
  let g = 0;
  for (let i = 0; i < table.rows; i++) {
    if (g < gaps.length && gaps[g].row === i) {
      const { from, to, missing } = gaps[g++];
      for (let k = 1; k <= missing; k++, out++) {
        timestamps[out] = from + k * intervalMs;
        const t = mode === 'linear' ? (timestamps[out] - from) / (to - from) : 0;
        for (let c = 0; c < width; c++) {
          const before = table.values[(i - 1) * width + c];
          values[out * width + c] = before + t * (table.values[i * width + c] - before);
        }
      }
    }
    timestamps[out] = table.timestamps[i];
    values.set(table.values.subarray(i * width, (i + 1) * width), out * width);
    out++;
  }
  return { columns: table.columns, timestamps, values, rows };
}

function dropRows(table: JenaTable, drop: number[]): JenaTable {
  const width = table.columns.length;
  const rows = table.rows - drop.length;
  const values = new Float32Array(rows * width);
  const timestamps = new Float64Array(rows);
  let out = 0;
  let d = 0;
  for (let i = 0; i < table.rows; i++) {
    if (d < drop.length && drop[d] === i) {
      d++;
      continue;
    }
    timestamps[out] = table.timestamps[i];
    values.set(table.values.subarray(i * width, (i + 1) * width), out * width);
    out++;
  }
  return { columns: table.columns, timestamps, values, rows };
}

function findSentinels(table: JenaTable): SentinelReport[] {
  const width = table.columns.length;
  const reports: SentinelReport[] = [];
  for (let c = 0; c < width; c++) {
    const report: SentinelReport = { column: table.columns[c], value: SENTINEL, count: 0, rows: [] };
    for (let r = 0; r < table.rows; r++) {
      if (table.values[r * width + c] <= SENTINEL) {
        report.count++;
        if (report.rows.length < 100) report.rows.push(r);
      }
    }
    if (report.count > 0) reports.push(report);
  }
  return reports;
}

function replaceSentinels(table: JenaTable, mode: 'zero' | 'nan' | 'previous'): number {
  const width = table.columns.length;
  const values = table.values;
  let replaced = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] > SENTINEL) continue;
    replaced++;
    if (mode === 'zero') values[i] = 0;
    else if (mode === 'nan') values[i] = Number.NaN;
    // The first row has no predecessor: it falls back to 0.
    else values[i] = i >= width ? values[i - width] : 0;
  }
  return replaced;
}

function findGaps(timestamps: Float64Array, intervalMs: number): JenaQuality['gaps'] {
  const gaps: JenaQuality['gaps'] = [];
  if (intervalMs <= 0) return gaps;
  for (let i = 1; i < timestamps.length; i++) {
    const d = timestamps[i] - timestamps[i - 1];
    if (d > intervalMs * 1.5) {
      gaps.push({
        row: i,
        from: timestamps[i - 1],
        to: timestamps[i],
        missing: Math.round(d / intervalMs) - 1,
      });
    }
  }
  return gaps;
}
