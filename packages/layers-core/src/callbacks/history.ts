import type { Callback, Logs, TrainingParams } from './callback';

/**
 * Keras' `History`, returned by `fit`: `history.history.loss[i]` is the loss of epoch `epoch[i]`, with the
 * same keys Keras uses (`loss`, `acc`, `val_loss`, `val_acc`, `mae`...).
 *
 * @example
 * const h = await model.fit(x, y, { epochs: 3 });
 * h.history.loss.length; // → 3
 */
export class History implements Callback {
  readonly epoch: number[] = [];
  readonly history: Record<string, number[]> = {};
  params: TrainingParams | null = null;

  setParams(params: TrainingParams): void {
    this.params = params;
  }

  onEpochEnd(epoch: number, logs: Logs): void {
    this.epoch.push(epoch);
    for (const [k, v] of Object.entries(logs)) {
      if (!this.history[k]) this.history[k] = [];
      this.history[k].push(v);
    }
  }
}
