import { type LossFunction, resolveLoss } from './losses';
import { type MetricFunction, resolveMetric } from './metrics';
import type { Optimizer } from './optimizers/optimizer';
import { resolveOptimizer } from './optimizers/resolve-optimizer';
import type { CompileOptions } from './sequential-options';
import type { Shape } from './shape';

/** What `Sequential.compile` sets up: the resolved optimizer, loss and metrics, and the options as given. */
export interface CompiledModel {
  optimizer: Optimizer;
  /** Whether compile created the optimizer (from a name or a config): the model then disposes it. */
  ownsOptimizer: boolean;
  loss: LossFunction;
  metrics: MetricFunction[];
  config: CompileOptions;
}

/**
 * Resolves compile options (Keras defaults): the optimizer, the loss, and the metrics, whose `'acc'` picks
 * binary or categorical accuracy from the loss and the output width, as Keras does.
 *
 * @example
 * compileModel({ optimizer: 'rmsprop', loss: 'binaryCrossentropy', metrics: ['acc'] }, [null, 1]);
 * // → { optimizer: RMSprop, loss: binaryCrossentropy, metrics: [binaryAccuracy as 'acc'], config }
 */
export function compileModel(options: CompileOptions, outputShape: Shape | null): CompiledModel {
  const loss = resolveLoss(options.loss);
  const optimizer = resolveOptimizer(options.optimizer);
  const width = outputShape ? (outputShape[outputShape.length - 1] ?? null) : null;
  const metrics = (options.metrics ?? []).map((m) => resolveMetric(m, loss.name, width));
  return { optimizer, ownsOptimizer: optimizer !== options.optimizer, loss, metrics, config: options };
}

/**
 * The compiled setup, or the error that says to call `compile` first (`owner` is `'Sequential.fit'`, …).
 *
 * @example
 * const { optimizer, loss } = requireCompiled(compiled, 'Sequential.fit');
 */
export function requireCompiled(compiled: CompiledModel | null, owner: string): CompiledModel {
  if (!compiled) {
    throw new Error(
      `${owner}: the model must be compiled first. Received: no compile() call. To fix this, call model.compile({ optimizer, loss }) before ${owner.split('.')[1]}.`,
    );
  }
  return compiled;
}
