import { nodeFiles } from '../io/model-handlers';
import type { Callback, Logs } from './callback';

/** Options of {@link CSVLogger}. */
export interface CsvLoggerOptions {
  /** @defaultValue ',' */
  separator?: string;
  /** Append to an existing file (e.g. when resuming) instead of overwriting it. @defaultValue false */
  append?: boolean;
}

/**
 * Keras' `CSVLogger`: writes one row per epoch (`epoch,acc,loss,val_acc,val_loss`, keys sorted like Keras)
 * to a file (Node only).
 *
 * @example
 * await model.fit(x, y, { callbacks: [new CSVLogger('training.csv')] });
 */
export class CSVLogger implements Callback {
  readonly path: string;
  private readonly separator: string;
  private readonly append: boolean;
  private keys: string[] | null = null;
  private lines: string[] = [];

  constructor(path: string, options: CsvLoggerOptions = {}) {
    if (typeof path !== 'string' || path.length === 0) {
      throw new TypeError(`CSVLogger: path must be a non-empty string. Received: path=${String(path)}.`);
    }
    this.path = path;
    this.separator = options.separator ?? ',';
    this.append = options.append ?? false;
  }

  async onTrainBegin(): Promise<void> {
    const fs = nodeFiles('CSVLogger', this.path);
    this.keys = null;
    if (!this.append) await fs.writeText(this.path, '');
    else {
      const existing = await fs.readText(this.path);
      const header = existing.split('\n')[0];
      if (header) this.keys = header.split(this.separator).slice(1);
    }
  }

  async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    const fs = nodeFiles('CSVLogger', this.path);
    this.lines = [];
    if (!this.keys) {
      this.keys = Object.keys(logs).sort();
      this.lines.push(['epoch', ...this.keys].join(this.separator));
    }
    this.lines.push([String(epoch), ...this.keys.map((k) => String(logs[k] ?? ''))].join(this.separator));
    await fs.appendText(this.path, `${this.lines.join('\n')}\n`);
  }
}
