import { type CompileOptions, lossNames, metricNames, type Sequential } from '@tensorseq/layers-core';
import { isObject, type Json, type JsonObject, own } from './parse-json';

const OPTIMIZERS: Record<string, 'rmsprop' | 'adam' | 'sgd'> = {
  RMSprop: 'rmsprop',
  Adam: 'adam',
  SGD: 'sgd',
};
const LOSS_ALIASES: Record<string, string> = {
  mean_squared_error: 'mse',
  mean_absolute_error: 'mae',
  MeanSquaredError: 'mse',
  MeanAbsoluteError: 'mae',
  BinaryCrossentropy: 'binaryCrossentropy',
  CategoricalCrossentropy: 'categoricalCrossentropy',
  SparseCategoricalCrossentropy: 'sparseCategoricalCrossentropy',
};

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function nameOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof own(value, 'class_name') === 'string')
    return own(value, 'class_name') as string;
  return null;
}

/**
 * Turns a Keras `training_config` (legacy HDF5) or `compile_config` (`.keras`) into tensorseq compile
 * options, or null when it uses something tensorseq does not have (the model then loads uncompiled).
 * The optimizer's learning rate is kept; its other hyperparameters take tensorseq's Keras defaults.
 *
 * @example
 * compileOptionsFromKeras({ loss: 'binary_crossentropy', optimizer_config: { class_name: 'RMSprop', config: {} } })
 * // → { optimizer: 'rmsprop', loss: 'binaryCrossentropy', metrics: [] }
 */
export function compileOptionsFromKeras(config: Json | undefined): CompileOptions | null {
  if (!isObject(config)) return null;
  const optimizer = (own(config, 'optimizer_config') ?? own(config, 'optimizer')) as Json | undefined;
  const optimizerName = nameOf(optimizer);
  const kind = optimizerName
    ? (OPTIMIZERS[optimizerName] ?? Object.values(OPTIMIZERS).find((k) => k === optimizerName.toLowerCase()))
    : undefined;
  if (!kind) return null;
  const lossName = nameOf(own(config, 'loss'));
  if (!lossName) return null;
  const loss = Object.hasOwn(LOSS_ALIASES, lossName) ? LOSS_ALIASES[lossName] : camel(lossName);
  if (!lossNames.includes(loss)) return null;
  const rawMetrics = own(config, 'metrics');
  const metrics: string[] = [];
  for (const m of Array.isArray(rawMetrics) ? rawMetrics.flat() : []) {
    const name = nameOf(m as Json);
    if (!name) return null;
    const metric =
      name === 'accuracy' || name === 'acc'
        ? 'acc'
        : Object.hasOwn(LOSS_ALIASES, name)
          ? LOSS_ALIASES[name]
          : camel(name);
    if (!metricNames.includes(metric) && !lossNames.includes(metric)) return null;
    metrics.push(metric);
  }
  const optimizerConfig =
    isObject(optimizer) && isObject(own(optimizer, 'config')) ? (own(optimizer, 'config') as JsonObject) : {};
  const lr = own(optimizerConfig, 'learning_rate') ?? own(optimizerConfig, 'lr');
  return {
    optimizer: typeof lr === 'number' && lr > 0 ? { className: kind, config: { learningRate: lr } } : kind,
    loss,
    metrics,
  };
}

/** Compiles `model` when the file's training config maps onto tensorseq; returns whether it did. */
export function compileIfPossible(model: Sequential, config: Json | undefined): boolean {
  const options = compileOptionsFromKeras(config);
  if (!options) return false;
  try {
    model.compile(options);
    return true;
  } catch {
    return false;
  }
}
