import { ProgressLogger } from '@tensorseq/layers-core';
import { afterEach, describe, expect, it } from 'vitest';
import { epochProgress } from '../src/epoch-progress';

describe('epochProgress', () => {
  const tty = process.stdout.isTTY;
  afterEach(() => {
    process.stdout.isTTY = tty;
  });

  it("draws Keras' bar on a terminal and prints one line per epoch elsewhere", async () => {
    process.stdout.isTTY = true;
    expect(epochProgress(3)).toBeInstanceOf(ProgressLogger);
    process.stdout.isTTY = false;
    expect(epochProgress(3)).not.toBeInstanceOf(ProgressLogger);
    // A caller's own log always gets lines, terminal or not.
    process.stdout.isTTY = true;
    const lines: string[] = [];
    const progress = epochProgress(3, (l) => lines.push(l));
    expect(progress).not.toBeInstanceOf(ProgressLogger);
    await progress.onEpochBegin?.(0, {});
    await progress.onEpochEnd?.(0, { loss: 0.5 });
    expect(lines).toEqual([expect.stringMatching(/^Epoch 1\/3 - \d+\.\d s - loss: 0\.5000$/)]);
  });
});
