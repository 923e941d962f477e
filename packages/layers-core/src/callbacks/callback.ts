import type * as tf from '@tensorflow/tfjs-core';

/** Per-batch or per-epoch values: `loss`, metric names, and `val_`-prefixed validation values. */
export type Logs = Record<string, number>;

/** What callbacks may do to the model being trained. */
export interface CallbackModel {
  /** Set to true to end training after the current batch. */
  stopTraining: boolean;
  getWeights(): tf.Tensor[];
  setWeights(values: readonly tf.Tensor[]): void;
  save(target: string): Promise<unknown>;
}

/** Training parameters handed to callbacks before training starts. */
export interface TrainingParams {
  epochs: number;
  /** Batches per epoch; null when unknown (one full pass over a dataset, no `stepsPerEpoch`). */
  steps: number | null;
  /** Number of training samples, when known. */
  samples: number | null;
  verbose: number;
  /** Keys that appear in epoch logs (`loss`, `acc`, `val_loss`...). */
  metrics: string[];
}

/**
 * Keras' callback hooks (camelCase). Every hook is optional and may be async; `fit` awaits it.
 *
 * @example
 * const printer: Callback = { onEpochEnd: (epoch, logs) => console.log(epoch, logs.loss) };
 * await model.fit(x, y, { callbacks: [printer] });
 */
export interface Callback {
  setModel?(model: CallbackModel): void;
  setParams?(params: TrainingParams): void;
  onTrainBegin?(logs: Logs): void | Promise<void>;
  onTrainEnd?(logs: Logs): void | Promise<void>;
  onEpochBegin?(epoch: number, logs: Logs): void | Promise<void>;
  onEpochEnd?(epoch: number, logs: Logs): void | Promise<void>;
  onBatchBegin?(batch: number, logs: Logs): void | Promise<void>;
  onBatchEnd?(batch: number, logs: Logs): void | Promise<void>;
}

/**
 * Calls every callback's hook in order (internal to `fit`).
 *
 * @example
 * const list = new CallbackList([history, new EarlyStopping()]);
 * await list.call('onEpochEnd', 0, { loss: 0.5 });
 */
export class CallbackList {
  constructor(readonly callbacks: readonly Callback[]) {}

  setup(model: CallbackModel, params: TrainingParams): void {
    for (const cb of this.callbacks) {
      cb.setModel?.(model);
      cb.setParams?.(params);
    }
  }

  async trainBegin(logs: Logs): Promise<void> {
    for (const cb of this.callbacks) await cb.onTrainBegin?.(logs);
  }

  async trainEnd(logs: Logs): Promise<void> {
    for (const cb of this.callbacks) await cb.onTrainEnd?.(logs);
  }

  async epochBegin(epoch: number, logs: Logs): Promise<void> {
    for (const cb of this.callbacks) await cb.onEpochBegin?.(epoch, logs);
  }

  async epochEnd(epoch: number, logs: Logs): Promise<void> {
    for (const cb of this.callbacks) await cb.onEpochEnd?.(epoch, logs);
  }

  async batchBegin(batch: number, logs: Logs): Promise<void> {
    for (const cb of this.callbacks) await cb.onBatchBegin?.(batch, logs);
  }

  async batchEnd(batch: number, logs: Logs): Promise<void> {
    for (const cb of this.callbacks) await cb.onBatchEnd?.(batch, logs);
  }
}
