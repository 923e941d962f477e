import { useBackend } from '@tensorseq/backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { naiveRnnForward } from '../src/naive-rnn-forward';
import { runRnnFromScratch, SIMPLE_RNN_MODELS } from '../src/rnn-from-scratch-experiments';

beforeAll(async () => {
  await useBackend('cpu');
});

describe('naiveRnnForward', () => {
  it('feeds each output back as the next state', () => {
    // One feature, one unit: out_t = tanh(w·x_t + u·out_{t-1} + b).
    const out = naiveRnnForward(Float32Array.of(1, 2), 2, {
      W: Float32Array.of(0.5),
      U: Float32Array.of(2),
      b: Float32Array.of(0.1),
    });
    const first = Math.tanh(0.5 + 0.1);
    expect(out[0]).toBeCloseTo(first, 6);
    expect(out[1]).toBeCloseTo(Math.tanh(1 + 2 * first + 0.1), 6);
  });

  it('rejects weights of the wrong size', () => {
    expect(() =>
      naiveRnnForward(new Float32Array(6), 2, {
        W: new Float32Array(5),
        U: new Float32Array(4),
        b: new Float32Array(2),
      }),
    ).toThrow('naiveRnnForward: W must have 2 × 3 values. Received: W.length=5.');
  });
});

describe('section 6.2.1', () => {
  it("has the book's parameter counts and SimpleRNN computes the naive loop", async () => {
    expect(SIMPLE_RNN_MODELS.last().countParams()).toBe(322080);
    expect(SIMPLE_RNN_MODELS.sequences().countParams()).toBe(322080);
    expect(SIMPLE_RNN_MODELS.stacked().countParams()).toBe(328320);
    const lines: string[] = [];
    const result = await runRnnFromScratch({ log: (l) => lines.push(l) });
    expect(result.final).toMatchObject({
      output_rows: 100,
      output_columns: 64,
      params_last: 322080,
      params_sequences: 322080,
      params_stacked: 328320,
    });
    expect(result.final.max_abs_diff_vs_simplernn).toBeLessThan(1e-5);
    expect(lines).toContain('Total params: 328,320');
  });
});
