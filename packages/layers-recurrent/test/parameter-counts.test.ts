import './helpers/setup';
import * as tf from '@tensorflow/tfjs-core';
import { Embedding, Sequential } from '@tensorseq/layers-core';
import { describe, expect, it } from 'vitest';
import { Bidirectional, GRU, LSTM, SimpleRNN } from '../src/index';

function built<T extends { build(s: (number | null)[]): void }>(layer: T, features: number): T {
  layer.build([null, 10, features]);
  return layer;
}

describe('parameter counts (Keras equality)', () => {
  it('SimpleRNN(32) on 32 features has 2,080', () => {
    expect(built(new SimpleRNN({ units: 32 }), 32).countParams()).toBe(2080);
  });
  it('LSTM(32) on 32 features has 8,320', () => {
    expect(built(new LSTM({ units: 32 }), 32).countParams()).toBe(8320);
  });
  it('GRU(32) on 14 features has 4,512 without and 4,608 with resetAfter', () => {
    expect(built(new GRU({ units: 32, resetAfter: false }), 14).countParams()).toBe(4512);
    expect(built(new GRU({ units: 32 }), 14).countParams()).toBe(4608);
  });
  it('Bidirectional doubles the count and lists forward then backward weights', () => {
    const bi = built(new Bidirectional(new LSTM({ units: 32, name: 'lstm_bi' })), 32);
    expect(bi.countParams()).toBe(2 * 8320);
    expect(bi.weights.map((w) => w.name)).toEqual([
      'lstm_bi/lstm_cell/kernel',
      'lstm_bi/lstm_cell/recurrent_kernel',
      'lstm_bi/lstm_cell/bias',
      'backward_lstm_bi/lstm_cell/kernel',
      'backward_lstm_bi/lstm_cell/recurrent_kernel',
      'backward_lstm_bi/lstm_cell/bias',
    ]);
  });
  it('uses Keras weight shapes and order', () => {
    const gru = built(new GRU({ units: 3 }), 5);
    expect(gru.weights.map((w) => w.shape)).toEqual([
      [5, 9],
      [3, 9],
      [2, 9],
    ]);
    const lstm = built(new LSTM({ units: 3, useBias: false }), 5);
    expect(lstm.weights.map((w) => w.shape)).toEqual([
      [5, 12],
      [3, 12],
    ]);
  });
  it('initializes LSTM forget-gate bias to ones (unitForgetBias) and the recurrent kernel orthogonally', () => {
    const lstm = built(new LSTM({ units: 3, seed: 7 }), 4);
    expect(Array.from(lstm.weights[2].read().dataSync())).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    const u = lstm.weights[1].read(); // [3, 12]: orthonormal rows
    const gram = tf.matMul(u, u, false, true).arraySync() as number[][];
    gram.forEach((row, i) => {
      row.forEach((v, j) => {
        expect(v).toBeCloseTo(i === j ? 1 : 0, 5);
      });
    });
    const off = built(new LSTM({ units: 3, unitForgetBias: false }), 4);
    expect(Array.from(off.weights[2].read().dataSync())).toEqual(new Array(12).fill(0));
  });
});

describe("Sequential summary with recurrent layers (the book's listing 6.22)", () => {
  it('reads 322,080 for Embedding(10000, 32) + SimpleRNN(32)', () => {
    const model = new Sequential({ name: 'book' });
    model.add(new Embedding({ inputDim: 10000, outputDim: 32, name: 'embedding_2' }));
    model.add(new SimpleRNN({ units: 32, name: 'simple_rnn_1' }));
    model.build([null, null]);
    const lines = model.summary({ printFn: () => {} });
    expect(lines).toContain('embedding_2 (Embedding)      (None, None, 32)          320000');
    expect(lines).toContain('simple_rnn_1 (SimpleRNN)     (None, 32)                2080');
    expect(lines).toContain('Total params: 322,080');
    model.dispose();
  });
});
