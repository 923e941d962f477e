/** Options of {@link extractTarGz} and {@link extractZip}. */
export interface ExtractOptions {
  /** Largest total of extracted file bytes; more fails the extraction. @defaultValue 16 GiB */
  maxBytes?: number;
  /** Entries (by their safe relative path) for which this returns false are not extracted. */
  filter?: (path: string) => boolean;
}

/** Defaults of {@link ExtractOptions}. */
export const DEFAULT_MAX_EXTRACT_BYTES = 16 * 2 ** 30;
