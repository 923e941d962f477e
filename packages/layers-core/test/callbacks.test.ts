import { describe, expect, it } from 'vitest';
import { EarlyStopping, ProgressLogger } from '../src/index';
import './helpers';
import { linear } from './linear-model';

describe('callbacks', () => {
  it('EarlyStopping stops after patience epochs and restores the best weights', async () => {
    const { model, x, y } = linear(0.2); // diverges: loss grows every epoch after the first
    const stop = new EarlyStopping({ monitor: 'val_loss', patience: 1, restoreBestWeights: true });
    const best: number[] = [];
    const h = await model.fit(x, y, {
      epochs: 20,
      verbose: 0,
      validationData: [x, y],
      callbacks: [{ onEpochEnd: () => void best.push(model.getWeights()[0].dataSync()[0]) }, stop],
    });
    const losses = h.history.val_loss;
    const bestEpoch = losses.indexOf(Math.min(...losses));
    expect(h.epoch.length).toBe(bestEpoch + 3);
    expect(stop.stoppedEpoch).toBe(bestEpoch + 2);
    expect(model.getWeights()[0].dataSync()[0]).toBe(best[bestEpoch]);
    expect(() => new EarlyStopping({ patience: -1 })).toThrow(
      'EarlyStopping: patience must be a non-negative integer. Received: patience=-1.',
    );
    model.dispose();
  });

  it('ProgressLogger prints one line per epoch without a TTY, and a bar with ETA on one', async () => {
    const { model, x, y } = linear(0.01);
    const plain: string[] = [];
    const tty: string[] = [];
    await model.fit(x, y, {
      epochs: 2,
      batchSize: 2,
      verbose: 0,
      callbacks: [
        new ProgressLogger({ tty: false, write: (t) => plain.push(t) }),
        new ProgressLogger({ tty: true, write: (t) => tty.push(t) }),
      ],
    });
    expect(plain).toHaveLength(2);
    expect(plain[0]).toMatch(/^Epoch 1\/2 - \d+s - \d+ms\/step - loss: \d+\.\d{4}\n$/);
    expect(tty[0]).toBe('Epoch 1/2\n');
    expect(tty.some((t) => /^\r1\/2 \[=+>\.+\] - ETA: \d+s - loss: \d+\.\d{4}$/.test(t))).toBe(true);
    expect(tty.some((t) => /^\r2\/2 - \d+s - \d+ms\/step - loss: \d+\.\d{4}\n$/.test(t))).toBe(true);
    model.dispose();
  });

  it('calls custom callbacks with Keras hook names in order', async () => {
    const { model, x, y } = linear(0.01);
    const calls: string[] = [];
    await model.fit(x, y, {
      epochs: 1,
      batchSize: 2,
      verbose: 0,
      callbacks: [
        {
          onTrainBegin: () => void calls.push('trainBegin'),
          onEpochBegin: (e) => void calls.push(`epochBegin ${e}`),
          onBatchBegin: (b) => void calls.push(`batchBegin ${b}`),
          onBatchEnd: async (b) => void calls.push(`batchEnd ${b}`),
          onEpochEnd: (e) => void calls.push(`epochEnd ${e}`),
          onTrainEnd: () => void calls.push('trainEnd'),
        },
      ],
    });
    expect(calls).toEqual([
      'trainBegin',
      'epochBegin 0',
      'batchBegin 0',
      'batchEnd 0',
      'batchBegin 1',
      'batchEnd 1',
      'epochEnd 0',
      'trainEnd',
    ]);
    model.dispose();
  });
});
