/**
 * One Keras-style line per epoch of a `History.history`.
 *
 * @param history - per-epoch values by metric name.
 * @returns `Epoch i/n - name: value - …` lines, values to 4 decimals.
 * @example
 * formatHistory({ loss: [0.69, 0.5], acc: [0.5, 0.75] });
 * // → ['Epoch 1/2 - loss: 0.6900 - acc: 0.5000', 'Epoch 2/2 - loss: 0.5000 - acc: 0.7500']
 */
export function formatHistory(history: Readonly<Record<string, readonly number[]>>): string[] {
  const keys = Object.keys(history);
  const epochs = keys.length ? history[keys[0]].length : 0;
  return Array.from(
    { length: epochs },
    (_, e) =>
      `Epoch ${e + 1}/${epochs} - ${keys.map((k) => `${k}: ${history[k][e].toFixed(4)}`).join(' - ')}`,
  );
}
