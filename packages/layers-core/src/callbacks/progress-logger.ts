import type { Callback, Logs, TrainingParams } from './callback';

/** Options of {@link ProgressLogger}. */
export interface ProgressLoggerOptions {
  /** Where to write; defaults to `process.stdout` (or `console.log` lines without one). */
  write?: (text: string) => void;
  /** Draw a live bar (`\r` updates) rather than one line per epoch. @defaultValue stdout is a TTY */
  tty?: boolean;
}

function formatLogs(logs: Logs): string {
  return Object.entries(logs)
    .map(([k, v]) => ` - ${k}: ${Math.abs(v) < 1e-3 && v !== 0 ? v.toExponential(4) : v.toFixed(4)}`)
    .join('');
}

function formatSeconds(s: number): string {
  if (s >= 3600)
    return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
  if (s >= 60) return `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
  return `${Math.round(s)}s`;
}

function defaultWrite(): (text: string) => void {
  const stdout = (globalThis as { process?: { stdout?: { write(t: string): void } } }).process?.stdout;
  if (stdout) return (t) => stdout.write(t);
  return (t) => console.log(t.replace(/\n$/, ''));
}

function isTty(): boolean {
  return Boolean((globalThis as { process?: { stdout?: { isTTY?: boolean } } }).process?.stdout?.isTTY);
}

/**
 * The `verbose` output of `fit`: Keras' progress bar with ETA and running metrics on a TTY
 * (`12/25 [=====>......] - ETA: 1s - loss: 0.6931 - acc: 0.5000`), one line per epoch otherwise.
 *
 * @example
 * await model.fit(x, y, { verbose: 0, callbacks: [new ProgressLogger({ tty: false })] });
 * // Epoch 1/10 - 1s - 35ms/step - loss: 0.6913 - acc: 0.5320 - val_loss: 0.6880 - val_acc: 0.5560
 */
export class ProgressLogger implements Callback {
  private readonly write: (text: string) => void;
  private readonly tty: boolean;
  private params: TrainingParams | null = null;
  private epochStart = 0;
  private seen = 0;
  private sums: Logs = {};
  private lastDraw = 0;

  constructor(options: ProgressLoggerOptions = {}) {
    this.write = options.write ?? defaultWrite();
    this.tty = options.tty ?? isTty();
  }

  setParams(params: TrainingParams): void {
    this.params = params;
  }

  onEpochBegin(epoch: number): void {
    this.epochStart = performance.now();
    this.seen = 0;
    this.sums = {};
    if (this.tty) this.write(`Epoch ${epoch + 1}/${this.params?.epochs ?? '?'}\n`);
  }

  onBatchEnd(batch: number, logs: Logs): void {
    const size = logs.size ?? 1;
    this.seen += size;
    for (const [k, v] of Object.entries(logs)) {
      if (k !== 'batch' && k !== 'size') this.sums[k] = (this.sums[k] ?? 0) + v * size;
    }
    if (!this.tty) return;
    const now = performance.now();
    const steps = this.params?.steps ?? batch + 1;
    if (now - this.lastDraw < 50 && batch + 1 < steps) return;
    this.lastDraw = now;
    const done = batch + 1;
    const width = 30;
    const filled = Math.floor((width * done) / steps);
    const bar = `${'='.repeat(Math.max(0, filled - 1))}${done < steps ? '>' : '='}${'.'.repeat(width - filled)}`;
    const eta = ((now - this.epochStart) / done) * (steps - done);
    const running: Logs = {};
    for (const [k, v] of Object.entries(this.sums)) running[k] = v / this.seen;
    const pad = String(steps).length;
    this.write(
      `\r${String(done).padStart(pad)}/${steps} [${bar}] - ETA: ${formatSeconds(eta / 1000)}${formatLogs(running)}`,
    );
  }

  onEpochEnd(epoch: number, logs: Logs): void {
    const elapsed = performance.now() - this.epochStart;
    const steps = this.params?.steps ?? 1;
    const timing = `${formatSeconds(elapsed / 1000)} - ${Math.round(elapsed / steps)}ms/step`;
    if (this.tty) this.write(`\r${steps}/${steps} - ${timing}${formatLogs(logs)}\n`);
    else this.write(`Epoch ${epoch + 1}/${this.params?.epochs ?? '?'} - ${timing}${formatLogs(logs)}\n`);
  }
}
