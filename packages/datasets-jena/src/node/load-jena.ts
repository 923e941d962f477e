import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  type DownloadProgress,
  listZipEntries,
  type NodeByteSource,
  openZipEntry,
  resolveDataFile,
} from '@tensorseq/download/node';
import { type JenaCsvSource, type JenaData, type JenaParseOptions, jenaFromCsvs } from '../jena-from-csvs';
import { JENA_CSV_NAME, JENA_URL, JENA_ZIP_NAME } from '../jena-source';
import { DEFAULT_MAX_ZIP_BYTES, jenaCsvSource, type LoadJenaOptions } from '../load-jena';

/** Options of the `./node` entry's {@link loadJena}. */
export interface NodeLoadJenaOptions extends JenaParseOptions {
  /**
   * A local `.csv` or `.csv.zip` (the Keras file, a column subset such as the shared hourly file, or a raw
   * MPI `mpi_roof_*.csv`), or several CSVs with the same header to concatenate (the MPI publishes one per
   * half-year); or any source of the main entry. @defaultValue `$TENSORSEQ_DATA/jena_climate_2009_2016.csv.zip`
   * (or `.csv`), else the official zip, downloaded once into the cache
   */
  source?: NodeByteSource | NodeByteSource[];
  /** Cache folder for the download. @defaultValue defaultCacheDir() of `@tensorseq/download/node` */
  cacheDir?: string;
  /** Download progress. */
  onProgress?: (progress: DownloadProgress) => void;
  /** Largest zip read into memory when the source is not a path. @defaultValue 256 MiB */
  maxZipBytes?: LoadJenaOptions['maxZipBytes'];
}

/**
 * `loadJena` of the main entry, plus paths, `$TENSORSEQ_DATA` and the official zip downloaded once into
 * the cache.
 *
 * @param options - source, columns, cleaning; see {@link NodeLoadJenaOptions}.
 * @returns columns, timestamps, the `[rows, features]` data, the sampling interval and a quality report.
 * @throws Error naming the file and line for malformed rows, an empty file, unknown columns or a missing
 * source.
 * @example
 * const jena = await loadJena({ source: 'jena_climate_2009_2016.csv' });
 * jena.data.shape // → [420551, 14]
 */
export async function loadJena(options: NodeLoadJenaOptions = {}): Promise<JenaData> {
  const { maxZipBytes = DEFAULT_MAX_ZIP_BYTES } = options;
  const sources = await resolveSources(options);
  return jenaFromCsvs(
    sources.map((s) => (isPath(s) ? fileCsvSource(s) : jenaCsvSource(s, maxZipBytes))),
    options,
  );
}

function isPath(source: NodeByteSource): source is string {
  return typeof source === 'string' && !/^(https?|data|blob):/i.test(source);
}

async function resolveSources(options: NodeLoadJenaOptions): Promise<NodeByteSource[]> {
  const { source } = options;
  if (source !== undefined) {
    const given = Array.isArray(source) ? source : [source];
    for (const s of given) if (isPath(s)) await assertReadable(s);
    return given;
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

function fileCsvSource(path: string): JenaCsvSource {
  return { name: path, open: () => openCsv(path) };
}

async function openCsv(path: string): Promise<{ chunks: AsyncIterable<Uint8Array>; totalBytes: number }> {
  if (!path.toLowerCase().endsWith('.zip')) {
    const { size } = await stat(path);
    return { chunks: createReadStream(path, { highWaterMark: 1 << 18 }), totalBytes: size };
  }
  const csvs = (await listZipEntries(path)).filter((e) => e.name.toLowerCase().endsWith('.csv'));
  const member = csvs.find((e) => basename(e.name) === JENA_CSV_NAME) ?? csvs[0];
  if (member === undefined) {
    throw new Error(`loadJena: source must be a zip holding a .csv. Received: no .csv member in ${path}.`);
  }
  return { chunks: await openZipEntry(path, member.name), totalBytes: member.uncompressedSize };
}
