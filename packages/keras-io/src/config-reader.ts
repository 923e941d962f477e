import { KerasIoError } from './keras-io-error';
import { isObject, type Json, type JsonObject, own } from './parse-json';

/** Keys that do not change a prediction (initializers, regularizers, constraints, names...). */
const INERT_KEYS = new Set([
  'name',
  'trainable',
  'dtype',
  'batch_input_shape',
  'batch_shape',
  'batch_size',
  'input_length',
  'kernel_initializer',
  'recurrent_initializer',
  'bias_initializer',
  'embeddings_initializer',
  'kernel_regularizer',
  'recurrent_regularizer',
  'bias_regularizer',
  'embeddings_regularizer',
  'activity_regularizer',
  'kernel_constraint',
  'recurrent_constraint',
  'bias_constraint',
  'embeddings_constraint',
  'implementation',
  'unroll',
  'seed',
]);

/** A number bigger than this in a size option (units, filters, input_dim...) is refused. */
const MAX_DIM = 2 ** 24;

/**
 * Reads one layer's Keras config: typed getters with defaults, and a final {@link ConfigReader.finish}
 * that refuses every key no getter asked for (so an option tensorseq does not implement is an error that
 * names it, never silently ignored).
 *
 * @example
 * const r = new ConfigReader('Dense', { units: 4 }, '2.15.0');
 * r.positiveInt('units'); // → 4
 * r.finish();
 */
export class ConfigReader {
  private readonly used = new Set<string>();

  constructor(
    readonly className: string,
    readonly config: JsonObject,
    readonly version: string,
  ) {
    const dtype = own(config, 'dtype');
    if (className !== 'InputLayer' && dtype !== undefined && dtype !== null) {
      const name =
        isObject(dtype) && isObject(own(dtype, 'config'))
          ? own(own(dtype, 'config') as JsonObject, 'name')
          : dtype;
      if (name !== 'float32') this.unsupported('dtype', dtype, 'float32');
    }
  }

  /** The layer's name in the file. */
  get layerName(): string {
    const name = own(this.config, 'name');
    return typeof name === 'string' ? name : this.className;
  }

  /** The raw value of a key (marks it as read). */
  raw(key: string): Json | undefined {
    this.used.add(key);
    return own(this.config, key);
  }

  positiveInt(key: string, fallback?: number): number {
    const value = this.raw(key) ?? fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_DIM) {
      throw this.error('bad-file', key, value, `a positive integer up to ${MAX_DIM}`);
    }
    return value;
  }

  /** An integer or a one-element list (`kernel_size: [5]`). */
  positiveInt1(key: string, fallback?: number): number {
    const value = this.raw(key) ?? fallback;
    const n = Array.isArray(value) && value.length === 1 ? value[0] : value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_DIM) {
      throw this.error('bad-file', key, value, `a positive integer (or [n]) up to ${MAX_DIM}`);
    }
    return n;
  }

  rate(key: string): number {
    const value = this.raw(key) ?? 0;
    if (typeof value !== 'number' || !(value >= 0 && value < 1))
      throw this.error('bad-file', key, value, 'a number in [0, 1)');
    return value;
  }

  bool(key: string, fallback: boolean): boolean {
    const value = this.raw(key) ?? fallback;
    if (typeof value !== 'boolean') throw this.error('bad-file', key, value, 'true or false');
    return value;
  }

  /** A string option restricted to the values tensorseq implements. */
  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(key) ?? fallback;
    if (!allowed.includes(value as T))
      this.unsupported(key, value, allowed.map((a) => `"${a}"`).join(' or '));
    return value as T;
  }

  /** An option that must keep its default (the only behaviour tensorseq has). */
  expect(key: string, allowed: readonly Json[]): void {
    const value = this.raw(key);
    if (value !== undefined && !allowed.some((a) => a === value)) {
      this.unsupported(key, value, allowed.map((a) => JSON.stringify(a)).join(' or '));
    }
  }

  /** Refuses every key that no getter read and that cannot change a prediction. */
  finish(): void {
    for (const key of Object.keys(this.config)) {
      if (!this.used.has(key) && !INERT_KEYS.has(key)) {
        throw new KerasIoError(
          'unsupported',
          `loadKerasModel: ${this.className} option "${key}" is not supported. Received: ${key}=${short(this.config[key])} in layer "${this.layerName}" (Keras ${this.version}).`,
        );
      }
    }
  }

  unsupported(key: string, value: Json | undefined, expected: string): never {
    throw new KerasIoError(
      'unsupported',
      `loadKerasModel: ${this.className} ${key} must be ${expected} (the values tensorseq implements). Received: ${key}=${short(value)} in layer "${this.layerName}" (Keras ${this.version}).`,
    );
  }

  private error(code: 'bad-file', key: string, value: Json | undefined, expected: string): KerasIoError {
    return new KerasIoError(
      code,
      `loadKerasModel: ${this.className} ${key} must be ${expected}. Received: ${key}=${short(value)} in layer "${this.layerName}" (Keras ${this.version}).`,
    );
  }
}

function short(value: Json | undefined): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
