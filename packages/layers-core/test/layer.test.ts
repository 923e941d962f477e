import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { type CallArgs, Layer, type Shape } from '../src/index';
import { toSnakeCase } from '../src/layer';

class Scale extends Layer {
  static override readonly className = 'Scale';
  override build(inputShape: Shape): void {
    this.addWeight('scale', [inputShape[inputShape.length - 1] as number], { initializer: 'ones' });
    super.build(inputShape);
  }
  computeOutputShape(s: Shape): Shape {
    return s;
  }
  call(x: tf.Tensor, _args: CallArgs): tf.Tensor {
    return tf.mul(x, this.weights[0].read());
  }
}

describe('Layer', () => {
  it('builds on first apply and owns named weights', () => {
    const layer = new Scale({ name: 'scale' });
    const y = layer.apply(tf.ones([2, 3])) as tf.Tensor;
    expect(y.shape).toEqual([2, 3]);
    expect(layer.weights.map((w) => w.name)).toEqual(['scale/scale']);
    expect(layer.countParams()).toBe(3);
    layer.trainable = false;
    expect(layer.trainableWeights).toHaveLength(0);
    expect(() => layer.setWeights([])).toThrow(
      'scale: setWeights expects 1 arrays (scale/scale [3]). Received: 0 arrays.',
    );
    y.dispose();
    layer.dispose();
  });
});

describe('toSnakeCase', () => {
  it("names layers like Keras' to_snake_case", () => {
    expect(
      ['Conv1D', 'MaxPooling1D', 'GlobalMaxPooling1D', 'SimpleRNN', 'LSTM', 'GRU', 'Dense'].map(toSnakeCase),
    ).toEqual(['conv1d', 'max_pooling1d', 'global_max_pooling1d', 'simple_rnn', 'lstm', 'gru', 'dense']);
  });
});
