import type { JenaExperiment, JenaModelSizes } from '@tensorseq/example-utils/jena';
import { Dense, Flatten, type Layer, Sequential } from '@tensorseq/layers-core';
import { Bidirectional, GRU } from '@tensorseq/layers-recurrent';

/** The given layers, then `Dense(1)`: the temperature 24 h ahead (normalized). */
function regressor(...layers: Layer[]): Sequential {
  const model = new Sequential();
  for (const layer of layers) model.add(layer);
  model.add(new Dense({ units: 1 }));
  return model;
}

/** Recurrent layers read windows of any length: `[null, features]`, as the book's `(None, 14)`. */
const sequenceOf = (sizes: JenaModelSizes) => [null, sizes.features];

/**
 * The temperature-forecasting experiments of section 6.3, by name, with the book's models and epoch
 * counts (training: rmsprop on the MAE, 500 steps of 128 windows per epoch).
 *
 * @example
 * const model = JENA_EXPERIMENTS.gru.build?.({ timesteps: 240, features: 14 });
 * model?.countParams(); // → 4641 with today's GRU (resetAfter); 4,545 with the book's Keras 2.0 GRU
 */
export const JENA_EXPERIMENTS = {
  baseline: {
    title: 'common-sense baseline: the temperature 24 h from now is the current one (6.3.3)',
    section: '6.3.3',
    book: { metric: 'val_loss', goal: 'min', value: 0.29, text: '0.29 (2.57 °C) on the 10-minute file' },
    epochs: 0,
  },
  dense: {
    title: 'Flatten + Dense(32, relu) + Dense(1) (6.3.4)',
    section: '6.3.4',
    book: {
      metric: 'val_loss',
      goal: 'min',
      relation: 'above-baseline',
      text: 'close to the baseline at best, not reliably below it',
    },
    epochs: 20,
    build: (sizes) =>
      regressor(
        new Flatten({ inputShape: [sizes.timesteps, sizes.features] }),
        new Dense({ units: 32, activation: 'relu' }),
      ),
  },
  gru: {
    title: 'GRU(32) + Dense(1) (6.3.5)',
    section: '6.3.5',
    book: { metric: 'val_loss', goal: 'min', value: 0.265, text: '≈ 0.265 (2.35 °C) before overfitting' },
    epochs: 20,
    build: (sizes) => regressor(new GRU({ units: 32, inputShape: sequenceOf(sizes) })),
  },
  'gru-dropout': {
    title: 'GRU(32, dropout 0.2, recurrentDropout 0.2) + Dense(1) (6.3.6)',
    section: '6.3.6',
    book: {
      metric: 'val_loss',
      goal: 'min',
      value: 0.265,
      text: "about the GRU's ≈ 0.265, no longer overfitting",
    },
    epochs: 40,
    build: (sizes) =>
      regressor(new GRU({ units: 32, dropout: 0.2, recurrentDropout: 0.2, inputShape: sequenceOf(sizes) })),
  },
  'stacked-gru': {
    title: 'GRU(32, returnSequences) + GRU(64, relu), dropout 0.1, recurrentDropout 0.5 + Dense(1) (6.3.7)',
    section: '6.3.7',
    book: {
      metric: 'val_loss',
      goal: 'min',
      value: 0.265,
      text: 'a bit better than the GRU\'s ≈ 0.265, "not significantly"',
    },
    epochs: 40,
    build: (sizes) =>
      regressor(
        new GRU({
          units: 32,
          dropout: 0.1,
          recurrentDropout: 0.5,
          returnSequences: true,
          inputShape: sequenceOf(sizes),
        }),
        new GRU({ units: 64, activation: 'relu', dropout: 0.1, recurrentDropout: 0.5 }),
      ),
  },
  'gru-reversed': {
    title: 'GRU(32) + Dense(1) on time-reversed windows (6.3.8)',
    section: '6.3.8',
    book: {
      metric: 'val_loss',
      goal: 'min',
      relation: 'above-baseline',
      text: '"strongly underperforms even the common-sense baseline"',
    },
    epochs: 20,
    reverse: true,
    build: (sizes) => regressor(new GRU({ units: 32, inputShape: sequenceOf(sizes) })),
  },
  'bidirectional-gru': {
    title: 'Bidirectional(GRU(32)) + Dense(1) (6.3.8)',
    section: '6.3.8',
    book: {
      metric: 'val_loss',
      goal: 'min',
      value: 0.265,
      text: '"about as well as the regular GRU" (≈ 0.265)',
    },
    epochs: 40,
    build: (sizes) => regressor(new Bidirectional(new GRU({ units: 32 }), { inputShape: sequenceOf(sizes) })),
  },
} satisfies Record<string, JenaExperiment>;

/** The names `pnpm exp jena-forecast <name>` accepts. */
export type JenaExperimentName = keyof typeof JENA_EXPERIMENTS;
