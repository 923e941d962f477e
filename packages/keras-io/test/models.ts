import * as tf from '@tensorflow/tfjs-core';
import { Conv1D, GlobalMaxPooling1D, MaxPooling1D } from '@tensorseq/layers-conv1d';
import { Dense, Embedding, Sequential, setGlobalSeed, TimeDistributed } from '@tensorseq/layers-core';
import { Bidirectional, GRU, LSTM } from '@tensorseq/layers-recurrent';

/** A recurrent model with the config details that change results: masking, legacy GRU, hardSigmoid. */
export function recurrentModel(recurrentActivation: 'sigmoid' | 'hardSigmoid' = 'sigmoid'): Sequential {
  setGlobalSeed(3);
  return new Sequential({
    layers: [
      new Embedding({ inputDim: 40, outputDim: 6, inputLength: 9, maskZero: true }),
      new GRU({ units: 5, resetAfter: false, recurrentActivation, returnSequences: true }),
      new TimeDistributed(new Dense({ units: 3, activation: 'softmax' })),
    ],
  });
}

/** A 1D convnet with same/causal padding, strides and dilation. */
export function convModel(): Sequential {
  setGlobalSeed(4);
  return new Sequential({
    layers: [
      new Conv1D({
        filters: 4,
        kernelSize: 3,
        padding: 'same',
        strides: 2,
        activation: 'relu',
        inputShape: [20, 3],
      }),
      new MaxPooling1D({ poolSize: 2, padding: 'same' }),
      new Conv1D({ filters: 5, kernelSize: 2, padding: 'causal', dilationRate: 2 }),
      new GlobalMaxPooling1D(),
      new Dense({ units: 1 }),
    ],
  });
}

/** A Bidirectional LSTM (merge mode `mergeMode`) over a GRU that reads backwards. */
export function bidirectionalModel(
  mergeMode: 'concat' | 'sum' | 'mul' | 'ave' = 'concat',
  seed = 5,
): Sequential {
  setGlobalSeed(seed);
  return new Sequential({
    layers: [
      new GRU({ units: 4, goBackwards: true, returnSequences: true, inputShape: [7, 3] }),
      new Bidirectional(new LSTM({ units: 3 }), { mergeMode }),
      new Dense({ units: 2, activation: 'sigmoid' }),
    ],
  });
}

/** Word ids `[3, 9]` for {@link recurrentModel}, with masked (zero) steps at the start of the first row. */
export function idsInput(): tf.Tensor2D {
  return tf.tensor2d(
    Array.from({ length: 27 }, (_, i) => (i < 3 ? 0 : (i * 7) % 40)),
    [3, 9],
  );
}

/** Smooth values `[3, steps, features]` for the sequence models. */
export function sequenceInput(steps: number, features: number): tf.Tensor3D {
  return tf.tensor3d(
    Array.from({ length: 3 * steps * features }, (_, i) => Math.sin(0.37 * i)),
    [3, steps, features],
  );
}
