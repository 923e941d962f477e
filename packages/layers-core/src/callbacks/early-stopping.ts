import type * as tf from '@tensorflow/tfjs-core';
import { assertNonNegativeInteger, assertOneOf } from '@tensorseq/utils';
import type { Callback, CallbackModel, Logs } from './callback';

/** Options of {@link EarlyStopping} (Keras names and defaults). */
export interface EarlyStoppingOptions {
  /** @defaultValue 'val_loss' */
  monitor?: string;
  /** Smallest change that counts as an improvement. @defaultValue 0 */
  minDelta?: number;
  /** Epochs without improvement before stopping. @defaultValue 0 */
  patience?: number;
  /** `'auto'` minimizes unless the name contains `acc`. @defaultValue 'auto' */
  mode?: 'auto' | 'min' | 'max';
  /** Put back the best epoch's weights when stopping. @defaultValue false */
  restoreBestWeights?: boolean;
  /** Stop if the monitored value does not beat this. */
  baseline?: number;
}

/** Whether larger is better for a monitored quantity (Keras' `'auto'` rule). */
export function monitorMaximizes(monitor: string, mode: 'auto' | 'min' | 'max'): boolean {
  return mode === 'max' || (mode === 'auto' && (monitor.includes('acc') || monitor.startsWith('fmeasure')));
}

/**
 * Keras' `EarlyStopping`: stops training when `monitor` has not improved for `patience` epochs, and
 * optionally restores the best weights.
 *
 * @example
 * await model.fit(x, y, { epochs: 50, validationSplit: 0.2,
 *   callbacks: [new EarlyStopping({ monitor: 'val_acc', patience: 2, restoreBestWeights: true })] });
 */
export class EarlyStopping implements Callback {
  readonly monitor: string;
  /** Epoch (0-based) at which training was stopped, or 0 if it ran to the end. */
  stoppedEpoch = 0;
  private readonly minDelta: number;
  private readonly patience: number;
  private readonly maximize: boolean;
  private readonly restoreBestWeights: boolean;
  private readonly baseline: number | undefined;
  private model: CallbackModel | null = null;
  private wait = 0;
  private best = Number.POSITIVE_INFINITY;
  private bestWeights: tf.Tensor[] | null = null;

  constructor(options: EarlyStoppingOptions = {}) {
    const { monitor = 'val_loss', minDelta = 0, patience = 0, mode = 'auto' } = options;
    assertNonNegativeInteger('EarlyStopping', 'patience', patience);
    assertOneOf('EarlyStopping', 'mode', mode, ['auto', 'min', 'max'] as const);
    this.monitor = monitor;
    this.minDelta = Math.abs(minDelta);
    this.patience = patience;
    this.maximize = monitorMaximizes(monitor, mode);
    this.restoreBestWeights = options.restoreBestWeights ?? false;
    this.baseline = options.baseline;
  }

  setModel(model: CallbackModel): void {
    this.model = model;
  }

  onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = this.baseline === undefined ? Number.POSITIVE_INFINITY : this.sign(this.baseline);
    this.dropBest();
  }

  private sign(v: number): number {
    return this.maximize ? -v : v;
  }

  private dropBest(): void {
    for (const t of this.bestWeights ?? []) t.dispose();
    this.bestWeights = null;
  }

  onEpochEnd(epoch: number, logs: Logs): void {
    const value = logs[this.monitor];
    if (value === undefined) {
      console.warn(
        `EarlyStopping: monitor must be one of the logged keys (${Object.keys(logs).join(', ')}). Received: monitor="${this.monitor}".`,
      );
      return;
    }
    const current = this.sign(value);
    if (current < this.best - this.minDelta) {
      this.best = current;
      this.wait = 0;
      if (this.restoreBestWeights && this.model) {
        this.dropBest();
        this.bestWeights = this.model.getWeights();
      }
      return;
    }
    this.wait++;
    if (this.wait > this.patience && this.model) {
      this.stoppedEpoch = epoch;
      this.model.stopTraining = true;
      if (this.restoreBestWeights && this.bestWeights) this.model.setWeights(this.bestWeights);
    }
  }

  onTrainEnd(): void {
    this.dropBest();
  }
}
