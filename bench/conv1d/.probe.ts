import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { Conv1D, GlobalMaxPooling1D, MaxPooling1D } from '@tensorseq/layers-conv1d';
import { Dense, Embedding, RMSprop, Sequential } from '@tensorseq/layers-core';

await tf.setBackend('cpu');
const B = Number(process.env.B ?? 16);
const model = new Sequential();
model.add(new Embedding({ inputDim: 10000, outputDim: 128, inputLength: 500, seed: 1 }));
model.add(new Conv1D({ filters: 32, kernelSize: 7, activation: 'relu', seed: 2 }));
model.add(new MaxPooling1D({ poolSize: 5 }));
model.add(new Conv1D({ filters: 32, kernelSize: 7, activation: 'relu', seed: 3 }));
model.add(new GlobalMaxPooling1D());
model.add(new Dense({ units: 1, activation: 'sigmoid', seed: 4 }));
model.compile({ optimizer: new RMSprop({}), loss: 'binaryCrossentropy' });
const x = tf.cast(tf.randomUniform([B, 500], 1, 10000, 'float32', 1), 'int32');
const y = tf.ones([B, 1]);
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  model.trainOnBatch(x, y);
  const c = process.cpuUsage(c0);
  console.log(
    'step ms',
    (performance.now() - t0).toFixed(0),
    'cpu ms',
    ((c.user + c.system) / 1000).toFixed(0),
  );
}
const prof = await tf.profile(() => {
  model.trainOnBatch(x, y);
});
const byName = new Map<string, number>();
for (const k of prof.kernels) byName.set(k.name, (byName.get(k.name) ?? 0) + (k.kernelTimeMs as number));
console.log(
  [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([n, v]) => `${n} ${v.toFixed(0)}`)
    .join(', '),
);
