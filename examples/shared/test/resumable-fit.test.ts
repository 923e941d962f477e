import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '@tensorseq/backend-cpu';
import { Dense, Dropout, Embedding, Sequential } from '@tensorseq/layers-core';
import { GRU, LSTM } from '@tensorseq/layers-recurrent';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ImdbExperiment, runImdbExperiment } from '../src/imdb';
import { type JenaExperiment, runJenaExperiment } from '../src/jena';

beforeAll(async () => {
  await useBackend('cpu');
});

/** Dropout everywhere, so the test also proves the dropout masks continue where they stopped. */
const imdbModel: ImdbExperiment = {
  title: 'Embedding + LSTM(8, dropout) + Dropout + Dense',
  build: (sizes) => {
    const model = new Sequential();
    model.add(new Embedding({ inputDim: sizes.numWords, outputDim: 8, inputLength: sizes.maxlen }));
    model.add(new LSTM({ units: 8, dropout: 0.2, recurrentDropout: 0.2 }));
    model.add(new Dropout({ rate: 0.3 }));
    model.add(new Dense({ units: 1, activation: 'sigmoid' }));
    return model;
  },
};

const jenaModel: JenaExperiment = {
  title: 'GRU(4, dropout) + Dense',
  epochs: 3,
  build: (sizes) => {
    const model = new Sequential();
    model.add(new GRU({ units: 4, dropout: 0.2, recurrentDropout: 0.2, inputShape: [null, sizes.features] }));
    model.add(new Dense({ units: 1 }));
    return model;
  },
};

/** A log that throws after `epochs` epoch lines: a crash right after that epoch's checkpoint. */
function crashAfter(epochs: number): (line: string) => void {
  let seen = 0;
  return (line) => {
    if (line.startsWith('Epoch ') && ++seen === epochs) throw new Error('simulated crash');
  };
}

describe('--resume', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('continues an interrupted IMDB run to the same history as an uninterrupted one', async () => {
    dir = await mkdtemp(join(tmpdir(), 'resume-imdb-'));
    const options = { quick: true, epochs: 3, seed: 7 };
    const whole = await runImdbExperiment('m', imdbModel, { ...options, log: () => {} });

    const checkpointDir = join(dir, 'ckpt');
    const numTensors = tf.memory().numTensors;
    await expect(
      runImdbExperiment('m', imdbModel, { ...options, checkpointDir, log: crashAfter(2) }),
    ).rejects.toThrow('simulated crash');
    const state = JSON.parse(await readFile(join(checkpointDir, 'state.json'), 'utf8'));
    expect(state.epoch).toBe(2);
    expect(await readdir(checkpointDir)).toEqual(['epoch-2', 'state.json']);

    const lines: string[] = [];
    const resumed = await runImdbExperiment('m', imdbModel, {
      ...options,
      checkpointDir,
      resume: true,
      log: (l) => lines.push(l),
    });
    expect(lines).toContain(`Resuming from the checkpoint after epoch 2/3 in ${checkpointDir}.`);
    expect(lines.filter((l) => l.startsWith('Epoch '))).toEqual([expect.stringMatching(/^Epoch 3\/3 /)]);
    expect(resumed.resumedEpochs).toBe(2);
    expect(resumed.history).toEqual(whole.history);
    // Done: the checkpoint is gone, and nothing leaked.
    await expect(readdir(checkpointDir)).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(numTensors);
  }, 60_000);

  it('continues an interrupted Jena run (window generator included) to the same history', async () => {
    dir = await mkdtemp(join(tmpdir(), 'resume-jena-'));
    const options = { quick: true, epochs: 3, seed: 11 };
    const whole = await runJenaExperiment('g', jenaModel, { ...options, log: () => {} });
    const checkpointDir = join(dir, 'ckpt');
    await expect(
      runJenaExperiment('g', jenaModel, { ...options, checkpointDir, log: crashAfter(1) }),
    ).rejects.toThrow('simulated crash');
    const resumed = await runJenaExperiment('g', jenaModel, {
      ...options,
      checkpointDir,
      resume: true,
      log: () => {},
    });
    expect(resumed.resumedEpochs).toBe(1);
    expect(resumed.history).toEqual(whole.history);
  }, 60_000);

  it('refuses a checkpoint written under other settings', async () => {
    dir = await mkdtemp(join(tmpdir(), 'resume-mismatch-'));
    const checkpointDir = join(dir, 'ckpt');
    await expect(
      runImdbExperiment('m', imdbModel, { quick: true, epochs: 3, checkpointDir, log: crashAfter(1) }),
    ).rejects.toThrow('simulated crash');
    await expect(
      runImdbExperiment('m', imdbModel, { quick: true, epochs: 3, seed: 2, checkpointDir, resume: true }),
    ).rejects.toThrow(
      `resumableFit: the checkpoint in ${checkpointDir} must come from a run with the same settings.`,
    );
  }, 60_000);

  it('starts from epoch 1 when there is no checkpoint to resume', async () => {
    dir = await mkdtemp(join(tmpdir(), 'resume-none-'));
    const lines: string[] = [];
    const checkpointDir = join(dir, 'ckpt');
    const result = await runImdbExperiment('m', imdbModel, {
      quick: true,
      epochs: 1,
      checkpointDir,
      resume: true,
      log: (l) => lines.push(l),
    });
    expect(lines).toContain(`No checkpoint in ${checkpointDir}: starting from epoch 1.`);
    expect(result.resumedEpochs).toBe(0);
  }, 60_000);
});
