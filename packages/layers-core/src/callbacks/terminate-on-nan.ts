import type { Callback, CallbackModel, Logs } from './callback';

/**
 * Keras' `TerminateOnNaN`: stops training as soon as a batch loss is NaN or infinite (bad inputs, a
 * learning rate that diverges), and says where.
 *
 * @example
 * await model.fit(x, y, { callbacks: [new TerminateOnNaN()] });
 * // TerminateOnNaN: batch 3 of epoch 1 gave loss=NaN; training stopped. Check the inputs for NaN/Infinity.
 */
export class TerminateOnNaN implements Callback {
  /** The message of the last termination, or null. */
  message: string | null = null;
  private model: CallbackModel | null = null;
  private epoch = 0;
  private readonly log: (message: string) => void;

  constructor(options: { log?: (message: string) => void } = {}) {
    this.log = options.log ?? ((m) => console.warn(m));
  }

  setModel(model: CallbackModel): void {
    this.model = model;
  }

  onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }

  onBatchEnd(batch: number, logs: Logs): void {
    const loss = logs.loss;
    if (loss !== undefined && !Number.isFinite(loss) && this.model) {
      this.message = `TerminateOnNaN: batch ${batch} of epoch ${this.epoch + 1} gave loss=${loss}; training stopped. Check the inputs for NaN/Infinity or lower the learning rate.`;
      this.log(this.message);
      this.model.stopTraining = true;
    }
  }
}
