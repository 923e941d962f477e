import { describe, expect, it } from 'vitest';
import { rnnSequenceBackward, rnnSequenceForward, setKernelsBackend, sgemm } from '../src/index';
import { randomArgs } from './random-args';

describe('argument checks', () => {
  const args = randomArgs({ cell: 'lstm', batch: 2, time: 3, features: 5, units: 4 });

  it('names a wrongly sized input with its expected size', () => {
    expect(() => rnnSequenceForward({ ...args, x: new Float32Array(29) })).toThrow(
      'rnnSequenceForward: x.length must be batch*time*features = 30. Received: x.length=29.',
    );
    expect(() => rnnSequenceForward({ ...args, kernel: new Float32Array(3) })).toThrow(
      'rnnSequenceForward: kernel.length must be features*gates*units = 80. Received: kernel.length=3.',
    );
  });

  it('rejects unknown cells, activations and non-integer sizes', () => {
    expect(() => rnnSequenceForward({ ...args, cell: 'rnn' as 'lstm' })).toThrow(
      'rnnSequenceForward: cell must be one of simpleRnn, lstm, gru. Received: cell="rnn".',
    );
    expect(() => rnnSequenceForward({ ...args, activation: 'gelu' as 'tanh' })).toThrow(
      'rnnSequenceForward: activation must be one of tanh, relu, sigmoid, hardSigmoid, linear. Received: activation="gelu".',
    );
    expect(() => rnnSequenceForward({ ...args, units: 2.5 })).toThrow(
      'rnnSequenceForward: units must be a positive integer. Received: units=2.5.',
    );
  });

  it('asks for both lstm states', () => {
    expect(() => rnnSequenceForward({ ...args, initialStates: [new Float32Array(8)] })).toThrow(
      'rnnSequenceForward: initialStates.length must be 2. Received: initialStates.length=1.',
    );
  });

  it('checks upstream gradients', () => {
    const fwd = rnnSequenceForward(args, { backend: 'js' });
    expect(() =>
      rnnSequenceBackward(args, fwd, new Float32Array(5), [null, null], { backend: 'js' }),
    ).toThrow(
      'rnnSequenceBackward: dOutputs must be null or a Float32Array of batch*time*units = 24 elements. Received: dOutputs.length=5.',
    );
    expect(() => rnnSequenceBackward(args, fwd, null, [null], { backend: 'js' })).toThrow(
      'rnnSequenceBackward: dFinalStates.length must be 2. Received: dFinalStates.length=1.',
    );
  });

  it('checks sgemm operands and the backend name', () => {
    expect(() =>
      sgemm(false, false, 2, 2, 2, new Float32Array(3), new Float32Array(4), new Float32Array(4)),
    ).toThrow('sgemm: a must be a Float32Array of at least m*k = 4 elements. Received: a.length=3.');
    expect(() => setKernelsBackend('gpu' as 'js')).toThrow(
      'setKernelsBackend: backend must be "wasm" or "js". Received: backend="gpu".',
    );
  });
});
