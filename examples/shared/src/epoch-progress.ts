import { type Callback, ProgressLogger } from '@tensorseq/layers-core';
import { epochLogger } from './epoch-logger';

/**
 * The progress display of a chapter run: Keras' per-epoch bar with an ETA when stdout is a terminal
 * and lines go to it, else one line per epoch (logs, pipes, tests).
 *
 * @param epochs - the epoch count.
 * @param log - where lines go; a custom `log` always gets lines. @defaultValue console.log
 * @returns the callback for `fit`.
 * @example
 * await model.fit(x, y, { epochs: 10, verbose: 0, callbacks: [epochProgress(10)] });
 */
export function epochProgress(epochs: number, log: (line: string) => void = console.log): Callback {
  if (log === console.log && process.stdout.isTTY) return new ProgressLogger({ tty: true });
  return epochLogger(epochs, log);
}
