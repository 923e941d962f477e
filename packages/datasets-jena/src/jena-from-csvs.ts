import { inspectAndClean } from './clean-jena';
import type { JenaCleanOptions, JenaQuality } from './jena-quality';
import type { NDArray } from './nd-array';
import { type ParsedJenaCsv, parseJenaCsv } from './parse-jena-csv';

/** The options of `loadJena` that both entries share. */
export interface JenaParseOptions {
  /** Keep only these columns, in this order (`'T (degC)'` or `'T'`). @defaultValue all */
  columns?: string[];
  /** Repairs to apply; everything found is reported in `quality` either way. @defaultValue none */
  clean?: JenaCleanOptions;
  /** Receives a one-line summary when the source has sentinels, gaps or duplicates. @defaultValue console.warn */
  onWarning?: (message: string) => void;
}

/** What {@link loadJena} returns. */
export interface JenaData {
  /** Feature names, e.g. `['p (mbar)', 'T (degC)', …]` (the `Date Time` column is not a feature). */
  columns: string[];
  /** Milliseconds since 1970-01-01 of each row, reading the station's clock as UTC. */
  timestamps: Float64Array;
  /** `[rows, features]` Float32 values. */
  data: NDArray<Float32Array>;
  /** The sampling interval in ms (600000 for the 10-minute file, 3600000 for the hourly one). */
  intervalMs: number;
  quality: JenaQuality;
}

/** One CSV to parse: its name for messages, and a way to open its bytes. */
export interface JenaCsvSource {
  name: string;
  open(): Promise<{ chunks: AsyncIterable<Uint8Array>; totalBytes: number | undefined }>;
}

/**
 * Parses one or more CSVs with the same header, concatenated, then inspects and cleans them (shared by
 * both entries' `loadJena`).
 *
 * @example
 * const jena = await jenaFromCsvs([{ name: 'a.csv', open: async () => ({ chunks: [bytes], totalBytes: 9 }) }], {});
 */
export async function jenaFromCsvs(sources: JenaCsvSource[], options: JenaParseOptions): Promise<JenaData> {
  const { columns, clean, onWarning = (m: string) => console.warn(m) } = options;
  let parsed: ParsedJenaCsv | undefined;
  for (const source of sources) {
    const { chunks, totalBytes } = await source.open();
    const next = await parseJenaCsv(chunks, { fileName: source.name, columns, totalBytes });
    parsed = parsed === undefined ? next : concatenate(parsed, next, source.name);
  }
  if (parsed === undefined)
    throw new Error('loadJena: source must name at least one file. Received: source=[].');
  const names = sources.map((s) => s.name.split(/[\\/]/).pop()).join(', ');
  const { table, quality } = inspectAndClean(parsed, clean, names);
  const summary = describeQuality(quality);
  if (summary) onWarning(`loadJena: ${names}: ${summary}`);
  return {
    columns: table.columns,
    timestamps: table.timestamps,
    data: { data: table.values, shape: [table.rows, table.columns.length] },
    intervalMs: quality.intervalMs,
    quality,
  };
}

function concatenate(a: ParsedJenaCsv, b: ParsedJenaCsv, source: string): ParsedJenaCsv {
  if (a.columns.join('\n') !== b.columns.join('\n')) {
    throw new Error(
      `loadJena: every source must have the same columns. Received: ${JSON.stringify(b.columns)} in ${source}, not ${JSON.stringify(a.columns)}.`,
    );
  }
  const values = new Float32Array(a.values.length + b.values.length);
  values.set(a.values);
  values.set(b.values, a.values.length);
  const timestamps = new Float64Array(a.rows + b.rows);
  timestamps.set(a.timestamps);
  timestamps.set(b.timestamps, a.rows);
  return { columns: a.columns, values, timestamps, rows: a.rows + b.rows };
}

function describeQuality(q: JenaQuality): string {
  const parts: string[] = [];
  for (const s of q.sentinels) parts.push(`${s.count} sentinel ${s.value} in "${s.column}"`);
  if (q.gaps.length)
    parts.push(
      `${q.gaps.length} gaps in time (${q.gaps.reduce((n, g) => n + g.missing, 0)} missing samples)`,
    );
  if (q.duplicateRows.length) parts.push(`${q.duplicateRows.length} duplicate timestamps`);
  if (q.backwardRows.length) parts.push(`${q.backwardRows.length} timestamps going backwards`);
  if (parts.length === 0) return '';
  const { sentinelsReplaced, duplicatesDropped, gapRowsInserted } = q.cleaned;
  return `${parts.join(', ')}; cleaned: ${sentinelsReplaced} sentinels replaced, ${duplicatesDropped} duplicates dropped, ${gapRowsInserted} gap rows inserted (see .quality).`;
}
