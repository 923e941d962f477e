import './helpers/setup';
import { describe, expect, it } from 'vitest';
import { GRU, GRUCell, LSTM, LSTMCell, RNN, SimpleRNN, SimpleRNNCell } from '../src/index';

describe('typed configs', () => {
  it.each([
    ['SimpleRNN', () => new SimpleRNN({ units: 3, activation: 'relu', returnSequences: true }), SimpleRNN],
    ['LSTM', () => new LSTM({ units: 3, unitForgetBias: false, goBackwards: true }), LSTM],
    ['GRU', () => new GRU({ units: 3, resetAfter: false, recurrentActivation: 'hardSigmoid' }), GRU],
  ] as const)('%s round-trips its flat config with every option kept', (_name, make, cls) => {
    const layer = make();
    const copy = cls.fromConfig(layer.getConfig());
    expect(copy).toBeInstanceOf(cls);
    expect(copy.getConfig()).toEqual(layer.getConfig());
  });

  it('gives each cell family only its own gate options', () => {
    expect(Object.keys(new SimpleRNNCell({ units: 2 }).getConfig())).not.toContain('recurrentActivation');
    expect(new LSTMCell({ units: 2 }).getConfig()).toMatchObject({ unitForgetBias: true });
    expect(new LSTMCell({ units: 2 }).getConfig()).not.toHaveProperty('resetAfter');
    expect(new GRUCell({ units: 2 }).getConfig()).toMatchObject({ resetAfter: true });
    expect(new GRUCell({ units: 2 }).getConfig()).not.toHaveProperty('unitForgetBias');
  });

  it('rejects a config value of the wrong type, naming the key', () => {
    expect(() => LSTM.fromConfig({ units: '4' })).toThrow(
      'LSTM.fromConfig: units must be a number. Received: units="4".',
    );
    expect(() => GRUCell.fromConfig({ units: 2, resetAfter: 'yes' })).toThrow(
      'GRUCell.fromConfig: resetAfter must be a boolean. Received: resetAfter="yes".',
    );
    expect(() =>
      RNN.fromConfig({ cell: { className: 'LSTMCell', config: { units: 2 } }, stateful: 1 }),
    ).toThrow('RNN.fromConfig: stateful must be a boolean. Received: stateful=1.');
  });

  it('rejects a config without units', () => {
    expect(() => SimpleRNNCell.fromConfig({ activation: 'tanh' })).toThrow(
      'SimpleRNNCell.fromConfig: units must be present. Received: no units.',
    );
  });

  it('rejects a gate option of the wrong type at construction', () => {
    expect(() => new GRU({ units: 2, resetAfter: 1 as unknown as boolean })).toThrow(
      'GRU: resetAfter must be a boolean. Received: resetAfter=1.',
    );
  });
});
