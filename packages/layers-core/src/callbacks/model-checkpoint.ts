import { assertOneOf } from '@tensorseq/utils';
import type { Callback, CallbackModel, Logs } from './callback';
import { monitorMaximizes } from './early-stopping';

/** Options of {@link ModelCheckpoint} (Keras names and defaults). */
export interface ModelCheckpointOptions {
  /** @defaultValue 'val_loss' */
  monitor?: string;
  /** Only save when `monitor` improves. @defaultValue false */
  saveBestOnly?: boolean;
  /** @defaultValue 'auto' */
  mode?: 'auto' | 'min' | 'max';
}

/**
 * Fills Keras' path templates: `{epoch}`, `{epoch:02d}`, `{val_loss:.2f}` (epochs are 1-based, like Keras).
 *
 * @example
 * formatCheckpointPath('ckpt-{epoch:02d}-{val_loss:.2f}', 2, { val_loss: 0.4567 }) // → 'ckpt-03-0.46'
 */
export function formatCheckpointPath(template: string, epoch: number, logs: Logs): string {
  return template.replace(
    /\{(\w+)(?::(0?)(\d*)([df]|\.(\d+)f))?\}/g,
    (whole, key: string, zero, width, kind, digits) => {
      const value = key === 'epoch' ? epoch + 1 : logs[key];
      if (value === undefined) return whole;
      let text =
        digits !== undefined
          ? value.toFixed(Number(digits))
          : String(kind === 'd' ? Math.round(value) : value);
      if (width) text = text.padStart(Number(width), zero ? '0' : ' ');
      return text;
    },
  );
}

/**
 * Keras' `ModelCheckpoint`: saves the model (topology, weights, optimizer state) to a directory after each
 * epoch, or only when `monitor` improves with `saveBestOnly`. Saves are atomic (see `Sequential.save`).
 *
 * @example
 * await model.fit(x, y, { validationSplit: 0.2,
 *   callbacks: [new ModelCheckpoint('models/best', { monitor: 'val_loss', saveBestOnly: true })] });
 */
export class ModelCheckpoint implements Callback {
  readonly path: string;
  readonly monitor: string;
  readonly saveBestOnly: boolean;
  /** Best monitored value seen so far. */
  best: number;
  private readonly maximize: boolean;
  private model: CallbackModel | null = null;

  constructor(path: string, options: ModelCheckpointOptions = {}) {
    const { monitor = 'val_loss', saveBestOnly = false, mode = 'auto' } = options;
    if (typeof path !== 'string' || path.length === 0) {
      throw new TypeError(
        `ModelCheckpoint: path must be a non-empty string. Received: path=${String(path)}.`,
      );
    }
    assertOneOf('ModelCheckpoint', 'mode', mode, ['auto', 'min', 'max'] as const);
    this.path = path;
    this.monitor = monitor;
    this.saveBestOnly = saveBestOnly;
    this.maximize = monitorMaximizes(monitor, mode);
    this.best = this.maximize ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }

  setModel(model: CallbackModel): void {
    this.model = model;
  }

  async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    if (!this.model) return;
    if (this.saveBestOnly) {
      const value = logs[this.monitor];
      if (value === undefined) {
        console.warn(
          `ModelCheckpoint: monitor must be one of the logged keys (${Object.keys(logs).join(', ')}). Received: monitor="${this.monitor}".`,
        );
        return;
      }
      const better = this.maximize ? value > this.best : value < this.best;
      if (!better) return;
      this.best = value;
    }
    await this.model.save(formatCheckpointPath(this.path, epoch, logs));
  }
}
