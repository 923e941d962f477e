import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CSVLogger,
  Dense,
  EarlyStopping,
  formatCheckpointPath,
  loadModel,
  ModelCheckpoint,
  ProgressLogger,
  Sequential,
  SGD,
} from '../src/index';
import './helpers';
import '../src/node';

const root = await mkdtemp(join(tmpdir(), 'tensorseq-cb-'));
afterAll(() => rm(root, { recursive: true, force: true }));

/** y = 2x; SGD converges, and a learning rate that is too big diverges (a val_loss that rises). */
function linear(lr: number) {
  const model = new Sequential({
    layers: [new Dense({ units: 1, inputShape: [1], useBias: false, kernelInitializer: 'zeros' })],
  });
  model.compile({ optimizer: new SGD({ learningRate: lr }), loss: 'mse' });
  const x = [[1], [2], [3], [4]];
  const y = [[2], [4], [6], [8]];
  return { model, x, y };
}

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

  it('ModelCheckpoint saves only improvements with saveBestOnly', async () => {
    const { model, x, y } = linear(0.01);
    const dir = join(root, 'ckpt-{epoch:02d}');
    const saved: number[] = [];
    await model.fit(x, y, {
      epochs: 3,
      verbose: 0,
      validationData: [x, y],
      callbacks: [
        new ModelCheckpoint(dir, { saveBestOnly: true }),
        { onEpochEnd: (e) => void saved.push(e) },
      ],
    });
    expect((await readdir(root)).filter((n) => n.startsWith('ckpt-')).sort()).toEqual([
      'ckpt-01',
      'ckpt-02',
      'ckpt-03',
    ]);
    const last = await loadModel(join(root, 'ckpt-03'));
    expect(Array.from(last.getWeights()[0].dataSync())).toEqual(Array.from(model.getWeights()[0].dataSync()));
    expect(formatCheckpointPath('w.{epoch:02d}-{val_loss:.2f}', 2, { val_loss: 0.4567 })).toBe('w.03-0.46');
    model.dispose();
    last.dispose();
  });

  it('CSVLogger writes a header and one row per epoch', async () => {
    const { model, x, y } = linear(0.01);
    const file = join(root, 'log.csv');
    await model.fit(x, y, {
      epochs: 2,
      verbose: 0,
      validationData: [x, y],
      callbacks: [new CSVLogger(file)],
    });
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('epoch,loss,val_loss');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['0', '1']);
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
