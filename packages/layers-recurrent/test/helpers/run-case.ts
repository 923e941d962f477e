import * as tf from '@tensorflow/tfjs-core';
import { buildRecurrent } from './build-from-fixture';
import { expectClose, GRAD_TOL, OUTPUT_TOL, type RecurrentCase, toTensor } from './conformance';

/** Runs one per-layer fixture case (forward, final states, gradients) and asserts parity. */
export function runRecurrentCase(c: RecurrentCase, useFusedKernel: 'auto' | boolean): void {
  const layer = buildRecurrent(c.layer, c.config, { useFusedKernel, returnState: true });
  tf.tidy(() => {
    const x = tf.variable(toTensor(c.inputs.x), true);
    const mask = c.inputs.mask ? toTensor(c.inputs.mask) : null;
    layer.build(x.shape);
    layer.setWeights(c.weights);
    const R = toTensor(c.loss.R);
    let outputs: tf.Tensor[] = [];
    const { value, grads } = tf.variableGrads(() => {
      outputs = layer.apply(x, { mask, training: true }) as tf.Tensor[];
      for (const o of outputs) tf.keep(o);
      return tf.sum(tf.mul(outputs[0], R)) as tf.Scalar;
    }, [x, ...layer.weights.map((w) => w.read())]);
    expectClose(outputs[0], c.output, OUTPUT_TOL, `${c.id} output`);
    c.final_states.forEach((s, i) => {
      expectClose(outputs[1 + i], s, OUTPUT_TOL, `${c.id} state ${i}`);
    });
    expectClose(value, { shape: [], data: [c.loss.value] }, OUTPUT_TOL, `${c.id} loss`);
    expectClose(grads[x.name], c.grads.x, GRAD_TOL, `${c.id} dx`);
    layer.weights.forEach((w, i) => {
      const name = c.weights[i].name;
      expectClose(grads[w.read().name], c.grads[name], GRAD_TOL, `${c.id} d${name}`);
    });
    for (const o of outputs) o.dispose();
    x.dispose();
  });
  layer.dispose();
}
