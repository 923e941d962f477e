import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { type DownloadProgress, listZipEntries, openZipEntry, resolveDataFile } from '@tensorseq/download';
import { inspectAndClean } from './clean-jena';
import type { JenaCleanOptions, JenaQuality } from './jena-quality';
import { JENA_CSV_NAME, JENA_URL, JENA_ZIP_NAME } from './jena-source';
import type { NDArray } from './nd-array';
import { type ParsedJenaCsv, parseJenaCsv } from './parse-jena-csv';

/** Options of {@link loadJena}. */
export interface LoadJenaOptions {
  /**
   * A local `.csv` or `.csv.zip` (the Keras file, a column subset such as the shared hourly file, or a raw
   * MPI `mpi_roof_*.csv`), or several CSVs with the same header to concatenate (the MPI publishes one per
   * half-year). @defaultValue `$TENSORSEQ_DATA/jena_climate_2009_2016.csv.zip` (or `.csv`), else the
   * official zip, downloaded once into the cache
   */
  source?: string | string[];
  /** Cache folder for the download. @defaultValue defaultCacheDir() of `@tensorseq/download` */
  cacheDir?: string;
  /** Download progress. */
  onProgress?: (progress: DownloadProgress) => void;
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

/**
 * Loads the Jena climate record 2009–2016 as the book does (`float_data` without the `Date Time` column),
 * parsed byte by byte from the stream: the 420,551 × 14 Keras file takes about a second.
 *
 * @param options - source, columns, cleaning; see {@link LoadJenaOptions}.
 * @returns columns, timestamps, the `[rows, features]` data, the sampling interval and a quality report.
 * @throws Error naming the file and line for malformed rows, an empty file, unknown columns or a missing
 * source.
 * @example
 * const jena = await loadJena({ source: 'jena_climate_2009_2016.csv' });
 * jena.data.shape // → [420551, 14]
 * jena.quality.sentinels // → [{ column: 'wv (m/s)', value: -9999, count: 28, … }, …]
 */
export async function loadJena(options: LoadJenaOptions = {}): Promise<JenaData> {
  const { columns, clean, onWarning = (m: string) => console.warn(m) } = options;
  const sources = await resolveSources(options);
  let parsed: ParsedJenaCsv | undefined;
  for (const source of sources) {
    const { stream, totalBytes } = await openCsv(source);
    const next = await parseJenaCsv(stream, { fileName: source, columns, totalBytes });
    parsed = parsed === undefined ? next : concatenate(parsed, next, source);
  }
  if (parsed === undefined)
    throw new Error('loadJena: source must name at least one file. Received: source=[].');
  const { table, quality } = inspectAndClean(parsed, clean, sources.map((s) => basename(s)).join(', '));
  const summary = describeQuality(quality);
  if (summary) onWarning(`loadJena: ${sources.map((s) => basename(s)).join(', ')}: ${summary}`);
  return {
    columns: table.columns,
    timestamps: table.timestamps,
    data: { data: table.values, shape: [table.rows, table.columns.length] },
    intervalMs: quality.intervalMs,
    quality,
  };
}

async function resolveSources(options: LoadJenaOptions): Promise<string[]> {
  const { source } = options;
  if (Array.isArray(source)) {
    for (const s of source) await assertReadable(s);
    return source;
  }
  if (source !== undefined) {
    await assertReadable(source);
    return [source];
  }
  const path = await resolveDataFile(JENA_ZIP_NAME, {
    url: JENA_URL,
    alternatives: [{ fileName: JENA_CSV_NAME }],
    cacheDir: options.cacheDir,
    onProgress: options.onProgress,
  });
  return [path];
}

async function assertReadable(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new Error(`loadJena: source must be a readable file. Received: source=${path}.`);
}

/** A stream of the CSV bytes (the file itself, or the CSV member of a zip) and their total size. */
async function openCsv(path: string): Promise<{ stream: Readable; totalBytes: number }> {
  if (!path.toLowerCase().endsWith('.zip')) {
    const { size } = await stat(path);
    return { stream: createReadStream(path, { highWaterMark: 1 << 18 }), totalBytes: size };
  }
  const csvs = (await listZipEntries(path)).filter((e) => e.name.toLowerCase().endsWith('.csv'));
  const member = csvs.find((e) => basename(e.name) === JENA_CSV_NAME) ?? csvs[0];
  if (member === undefined) {
    throw new Error(`loadJena: source must be a zip holding a .csv. Received: no .csv member in ${path}.`);
  }
  return { stream: await openZipEntry(path, member.name), totalBytes: member.uncompressedSize };
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
