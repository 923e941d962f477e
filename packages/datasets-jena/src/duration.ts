/** A row count, or a duration such as `'10d'`, `'24h'`, `'1h'`, `'10min'`, `'30s'`, `'2w'`. */
export type RowsOrDuration = number | string;

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  min: 60_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * Parses a duration string into milliseconds.
 *
 * @param owner - the calling function, for the error message.
 * @param name - the option's name, for the error message.
 * @param text - e.g. `'10d'`, `'1.5h'`, `'10min'`.
 * @example
 * parseDuration('windowGenerator', 'lookback', '10d') // → 864000000
 */
export function parseDuration(owner: string, name: string, text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|min|m|h|d|w)\s*$/.exec(text);
  if (!match) {
    throw new Error(
      `${owner}: ${name} must be a row count or a duration like '10d', '24h', '10min'. Received: ${name}=${JSON.stringify(text)}.`,
    );
  }
  return Number(match[1]) * UNIT_MS[match[2]];
}

/**
 * Resolves a row count or a duration into a whole number of rows of data sampled every `intervalMs`.
 *
 * @param owner - the calling function, for the error message.
 * @param name - the option's name, for the error message.
 * @param value - rows, or a duration string.
 * @param intervalMs - the data's sampling interval, needed for durations.
 * @throws Error when a duration is given without an interval or is not a whole number of samples.
 * @example
 * resolveRows('windowGenerator', 'delay', '24h', 600_000) // → 144
 */
export function resolveRows(
  owner: string,
  name: string,
  value: RowsOrDuration,
  intervalMs: number | undefined,
): number {
  if (typeof value === 'number') return value;
  const ms = parseDuration(owner, name, value);
  if (intervalMs === undefined || !(intervalMs > 0)) {
    throw new Error(
      `${owner}: samplingInterval must be given to use durations. Received: ${name}=${JSON.stringify(value)} and samplingInterval=${intervalMs}.`,
    );
  }
  const rows = ms / intervalMs;
  if (!Number.isInteger(rows)) {
    throw new Error(
      `${owner}: ${name} must be a whole number of samples of ${intervalMs} ms. Received: ${name}=${JSON.stringify(value)} (${rows} samples).`,
    );
  }
  return rows;
}

/**
 * A sampling interval given in ms or as a duration string, in ms.
 *
 * @example
 * intervalToMs('windowGenerator', '10min') // → 600000
 */
export function intervalToMs(owner: string, interval: number | string | undefined): number | undefined {
  if (interval === undefined || typeof interval === 'number') return interval;
  return parseDuration(owner, 'samplingInterval', interval);
}
