import type { FixtureTensor } from './fixture-tensor';

/** A fixture tensor with the Keras weight name it belongs to (`dense/kernel:0`). */
export interface NamedFixtureTensor extends FixtureTensor {
  name: string;
}

/** One RMSprop step as a Keras variant took it: its hyper-parameters and the weights (and slots) after it. */
export interface RmspropStepFixture {
  hyper: { lr: number; rho: number; epsilon?: number };
  weights_after: NamedFixtureTensor[];
  accumulators_after?: NamedFixtureTensor[];
}

/**
 * A whole-model case of `layers/models.json`: the layers with their Keras configs, the weights, one batch
 * with its predictions, loss and gradients, then one RMSprop step per Keras variant and, for some cases, a
 * few steps of training.
 *
 * @example
 * const { cases } = loadConformance<{ cases: ModelFixtureCase[] }>('layers/models');
 * const convCases = cases.filter((c) => c.layers.some((l) => l.type === 'Conv1D'));
 */
export interface ModelFixtureCase {
  id: string;
  layers: { name: string; type: string; config: Record<string, unknown> }[];
  input: FixtureTensor;
  targets: FixtureTensor;
  weights: NamedFixtureTensor[];
  predictions: FixtureTensor;
  loss: { type: string; value: number };
  grads: Record<string, FixtureTensor>;
  rmsprop_step1: Record<string, RmspropStepFixture>;
  rmsprop_trajectory?: {
    variant?: string;
    steps: { loss_before_step: number; weights_after: NamedFixtureTensor[] }[];
    loss_after_last_step: number;
  };
}
