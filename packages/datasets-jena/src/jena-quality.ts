/** Sentinel values (the MPI's `-9999` for a missing measurement) found in one column. */
export interface SentinelReport {
  column: string;
  /** The sentinel value. */
  value: number;
  count: number;
  /** Row indices (after duplicate removal, if any), at most the first 100. */
  rows: number[];
}

/** A hole in the time axis: consecutive rows further apart than the sampling interval. */
export interface GapReport {
  /** Index of the row right after the gap. */
  row: number;
  /** Timestamps (ms) of the rows around the gap. */
  from: number;
  to: number;
  /** Samples missing between them (`(to - from) / intervalMs - 1`). */
  missing: number;
}

/** What {@link loadJena} found wrong in the source, and what it changed. Nothing is cleaned silently. */
export interface JenaQuality {
  /** The sampling interval: the most common difference between consecutive timestamps (ms). */
  intervalMs: number;
  sentinels: SentinelReport[];
  gaps: GapReport[];
  /** Rows whose timestamp repeats the previous one's (indices in the source). */
  duplicateRows: number[];
  /** Rows whose timestamp is earlier than the previous one's (indices in the source). */
  backwardRows: number[];
  /** What cleaning did: sentinels replaced, duplicate rows dropped, rows inserted into gaps. */
  cleaned: { sentinelsReplaced: number; duplicatesDropped: number; gapRowsInserted: number };
}

/** How {@link loadJena} repairs what {@link JenaQuality} reports. */
export interface JenaCleanOptions {
  /**
   * What to do with sentinel values: keep them (`'keep'`), set them to 0 (as the book's readers do for
   * wind speed), to NaN, or to the previous row's value. @defaultValue 'keep'
   */
  sentinels?: 'keep' | 'zero' | 'nan' | 'previous';
  /** Drop rows whose timestamp repeats the previous row's. @defaultValue false */
  dropDuplicates?: boolean;
  /**
   * Fill gaps in the time axis with the missing samples: holding the previous values, or interpolating
   * linearly. Gap rows are reported (`quality.gaps`) against the data before filling. @defaultValue no filling
   */
  fillGaps?: 'previous' | 'linear';
  /**
   * Longest gap `fillGaps` fills, in ms. A longer one (such as a typo year, 3009 for 2009, which would
   * otherwise insert a millennium of rows) is an error naming the rows around it; so is filling that would
   * insert more rows than the file holds (beyond one longest gap's worth). @defaultValue 31 days
   */
  maxGapMs?: number;
}

/** Default of {@link JenaCleanOptions.maxGapMs}: 31 days. */
export const DEFAULT_MAX_GAP_MS = 31 * 24 * 3600 * 1000;

/** The MPI's marker for a missing measurement; anything at or below it counts. */
export const SENTINEL = -9999;

/**
 * Returns the most common step between consecutive timestamps (the sampling interval), in ms.
 *
 * @example
 * samplingIntervalMs(new Float64Array([0, 600000, 1200000])) // → 600000
 */
export function samplingIntervalMs(timestamps: Float64Array): number {
  const counts = new Map<number, number>();
  const n = Math.min(timestamps.length, 50_001);
  for (let i = 1; i < n; i++) {
    const d = timestamps[i] - timestamps[i - 1];
    if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [d, c] of counts) if (c > bestCount || (c === bestCount && d < best)) [best, bestCount] = [d, c];
  return best;
}
