import type { Callback, Logs } from '@tensorseq/layers-core';

/**
 * A `fit` callback that prints one Keras-style line per epoch with its wall time, through `log`
 * (plain lines, so output piped to a file stays readable).
 *
 * @param epochs - the epoch count, for the `i/n` prefix.
 * @param log - where lines go. @defaultValue console.log
 * @returns the callback.
 * @example
 * await model.fit(x, y, { epochs: 2, verbose: 0, callbacks: [epochLogger(2)] });
 * // Epoch 1/2 - 3.2 s - loss: 0.6931 - acc: 0.5000 - val_loss: 0.6900 - val_acc: 0.5200
 */
export function epochLogger(epochs: number, log: (line: string) => void = console.log): Callback {
  let started = 0;
  return {
    onEpochBegin() {
      started = performance.now();
    },
    onEpochEnd(epoch: number, logs: Logs) {
      const seconds = (performance.now() - started) / 1000;
      const values = Object.entries(logs).map(([k, v]) => `${k}: ${v.toFixed(4)}`);
      log([`Epoch ${epoch + 1}/${epochs}`, `${seconds.toFixed(1)} s`, ...values].join(' - '));
    },
  };
}
