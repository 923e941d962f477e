import {
  type ByteSource,
  byteChunks,
  describeSource,
  listZipEntries,
  openZipEntry,
} from '@tensorseq/download';
import { type JenaCsvSource, type JenaData, type JenaParseOptions, jenaFromCsvs } from './jena-from-csvs';
import { JENA_CSV_NAME, JENA_URL } from './jena-source';

/** Options of {@link loadJena}. */
export interface LoadJenaOptions extends JenaParseOptions {
  /**
   * A `.csv` or `.csv.zip` as bytes, a `File`/`Blob`, a `Response`, a stream or an http(s) URL (the Keras
   * file, a column subset such as the shared hourly file, or a raw MPI `mpi_roof_*.csv`), or several CSVs
   * with the same header to concatenate. A zip is recognised by its first bytes.
   * @defaultValue the official zip, fetched from {@link JENA_URL}
   */
  source?: ByteSource | ByteSource[];
  /** Largest zip read into memory (a zip's directory is at its end), in bytes. @defaultValue 256 MiB */
  maxZipBytes?: number;
}

/**
 * Loads the Jena climate record 2009–2016 as the book does (`float_data` without the `Date Time` column),
 * parsed byte by byte from the stream: the 420,551 × 14 Keras file takes about a second. Works in
 * browsers and Node; `@tensorseq/datasets-jena/node` adds paths, `$TENSORSEQ_DATA` and the download cache.
 *
 * @param options - source, columns, cleaning; see {@link LoadJenaOptions}.
 * @returns columns, timestamps, the `[rows, features]` data, the sampling interval and a quality report.
 * @throws Error naming the file and line for malformed rows, an empty file or unknown columns.
 * @example
 * const jena = await loadJena({ source: await fetch('/jena_climate_2009_2016.csv') });
 * jena.data.shape // → [420551, 14]
 * jena.quality.sentinels // → [{ column: 'wv (m/s)', value: -9999, count: 28, … }, …]
 */
export function loadJena(options: LoadJenaOptions = {}): Promise<JenaData> {
  const { source = JENA_URL, maxZipBytes = DEFAULT_MAX_ZIP_BYTES } = options;
  const sources = Array.isArray(source) ? source : [source];
  return jenaFromCsvs(
    sources.map((s) => jenaCsvSource(s, maxZipBytes)),
    options,
  );
}

/** The default of {@link LoadJenaOptions.maxZipBytes}. */
export const DEFAULT_MAX_ZIP_BYTES = 256 * 2 ** 20;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * A universal source as a CSV to parse: a zip (recognised by its first bytes) is read whole, up to
 * `maxZipBytes`, and its CSV member streamed out; anything else streams as CSV.
 *
 * @example
 * const csv = jenaCsvSource(await fetch(url), DEFAULT_MAX_ZIP_BYTES);
 */
export function jenaCsvSource(source: ByteSource, maxZipBytes: number): JenaCsvSource {
  const name = describeSource(source);
  return {
    name,
    async open() {
      const chunks = byteChunks(source, 'loadJena');
      const first = await chunks.next();
      const head = first.done ? new Uint8Array(0) : first.value;
      const rest = prepend(head, chunks);
      if (!ZIP_MAGIC.every((b, i) => head[i] === b)) return { chunks: rest, totalBytes: sizeOf(source) };
      const zip = new Blob(await collect(rest, maxZipBytes, name));
      const csvs = (await listZipEntries(zip)).filter((e) => e.name.toLowerCase().endsWith('.csv'));
      const member = csvs.find((e) => e.name.split('/').pop() === JENA_CSV_NAME) ?? csvs[0];
      if (member === undefined) {
        throw new Error(
          `loadJena: source must be a zip holding a .csv. Received: no .csv member in ${name}.`,
        );
      }
      return { chunks: await openZipEntry(zip, member.name), totalBytes: member.uncompressedSize };
    },
  };
}

async function* prepend(head: Uint8Array, rest: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (head.length > 0) yield head;
  yield* rest;
}

async function collect(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
  name: string,
): Promise<Uint8Array[]> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new RangeError(
        `loadJena: a zip source must be at most maxZipBytes=${maxBytes} bytes. Received: more from ${name}.`,
      );
    }
    parts.push(chunk);
  }
  return parts;
}

function sizeOf(source: ByteSource): number | undefined {
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) return source.byteLength;
  if (typeof Blob !== 'undefined' && source instanceof Blob) return source.size;
  return undefined;
}
