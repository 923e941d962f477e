import { type CompileOptions, lossNames, metricNames, type Sequential } from '@tensorseq/layers-core';
import { kerasMajor } from './layer-from-keras';
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
  if (!isObject(value) || typeof own(value, 'class_name') !== 'string') return null;
  // tf.keras >= 2.5 wraps compile-time metrics: { class_name: 'MeanMetricWrapper', config: { name: 'accuracy' } }
  const config = own(value, 'config');
  if (
    own(value, 'class_name') === 'MeanMetricWrapper' &&
    isObject(config) &&
    typeof own(config, 'name') === 'string'
  ) {
    return own(config, 'name') as string;
  }
  return own(value, 'class_name') as string;
}

/** Optimizer settings tensorseq's optimizers do not have: a file that uses one loads uncompiled. */
const UNSUPPORTED_WHEN_SET: Record<string, Json[]> = {
  clipvalue: [null],
  clipnorm: [null],
  global_clipnorm: [null],
  weight_decay: [null, 0],
  centered: [false],
  amsgrad: [false],
  use_ema: [false],
  loss_scale_factor: [null],
  gradient_accumulation_steps: [null],
  decay: [0],
};

/** The optimizer hyperparameters that carry over, Keras name → tensorseq name. */
const CARRIED: Record<string, string> = {
  learning_rate: 'learningRate',
  lr: 'learningRate',
  rho: 'rho',
  beta_1: 'beta1',
  beta_2: 'beta2',
  epsilon: 'epsilon',
  momentum: 'momentum',
  nesterov: 'nesterov',
};

/**
 * Turns a Keras `training_config` (legacy HDF5) or `compile_config` (`.keras`) into tensorseq compile
 * options, or null when it uses something tensorseq does not have (the model then loads uncompiled).
 * The optimizer's hyperparameters carry over (learning rate, rho, betas, epsilon, momentum); an optimizer
 * setting tensorseq lacks (clipping, weight decay, centered, amsgrad, EMA...) leaves the model uncompiled.
 *
 * @example
 * compileOptionsFromKeras({ loss: 'binary_crossentropy', optimizer_config: { class_name: 'RMSprop', config: {} } })
 * // → { optimizer: { className: 'rmsprop', config: { variant: 'keras2' } }, loss: 'binaryCrossentropy', metrics: [] }
 */
export function compileOptionsFromKeras(config: Json | undefined, version = '2'): CompileOptions | null {
  if (!isObject(config)) return null;
  const optimizer = (own(config, 'optimizer_config') ?? own(config, 'optimizer')) as Json | undefined;
  const optimizerName = nameOf(optimizer);
  const kind = optimizerName
    ? Object.hasOwn(OPTIMIZERS, optimizerName)
      ? OPTIMIZERS[optimizerName]
      : Object.values(OPTIMIZERS).find((k) => k === optimizerName.toLowerCase())
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
  for (const [key, allowed] of Object.entries(UNSUPPORTED_WHEN_SET)) {
    const value = own(optimizerConfig, key);
    if (value !== undefined && !allowed.includes(value)) return null;
  }
  if (kind === 'rmsprop' && (own(optimizerConfig, 'momentum') ?? 0) !== 0) return null;
  const carried: Record<string, number | boolean | string> = {};
  for (const [key, name] of Object.entries(CARRIED)) {
    const value = own(optimizerConfig, key);
    if (typeof value === 'number' || typeof value === 'boolean') carried[name] = value;
  }
  if (kind === 'rmsprop') {
    delete carried.momentum;
    // Where Keras puts RMSprop's epsilon changed with its version (see layers-core's RmspropVariant).
    carried.variant =
      kerasMajor(version) >= 3 ? 'keras3' : /^2\.(0|1\.[0-2])\b/.test(version) ? 'keras2.0' : 'keras2';
  }
  if (kind !== 'sgd') delete carried.nesterov;
  return { optimizer: { className: kind, config: carried }, loss, metrics };
}

/** Compiles `model` when the file's training config maps onto tensorseq; returns whether it did. */
export function compileIfPossible(model: Sequential, config: Json | undefined, version: string): boolean {
  const options = compileOptionsFromKeras(config, version);
  if (!options) return false;
  try {
    model.compile(options);
    return true;
  } catch {
    return false;
  }
}
