import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type { Sequential } from '@tensorseq/layers-core';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeKerasModel } from '../src/index';
import { bidirectionalModel, convModel, idsInput, recurrentModel, sequenceInput } from './models';
import './setup';

// An extra, optional check with Keras itself: $TENSORSEQ_KERAS_PYTHON (or python3) with Keras 3 and a
// backend (KERAS_BACKEND, default jax). The main checks never need Python.
const IMPORT =
  'import os; os.environ.setdefault("KERAS_BACKEND", "jax"); import keras; print(keras.__version__)';
const python = [process.env.TENSORSEQ_KERAS_PYTHON, 'python3'].find(
  (exe) => exe && spawnSync(exe, ['-c', IMPORT], { encoding: 'utf8' }).status === 0,
);
if (!python)
  console.log('Keras check skipped: no python with Keras 3 and a backend (set TENSORSEQ_KERAS_PYTHON).');

const PREDICT = `
import json, os, sys
os.environ.setdefault("KERAS_BACKEND", "jax")
import numpy as np, keras
case = json.load(open(sys.argv[2]))
x = np.array(case["x"], dtype="float32").reshape(case["shape"])
model = keras.saving.load_model(sys.argv[1], compile=False)
print(json.dumps({"keras": keras.__version__, "y": np.asarray(model.predict(x, verbose=0)).ravel().tolist()}))
`;

const dir = await mkdtemp(join(tmpdir(), 'tensorseq-keras-python-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const cases: [string, () => Sequential, () => tf.Tensor][] = [
  ['recurrent', () => recurrentModel(), idsInput],
  ['conv', convModel, () => sequenceInput(20, 3)],
  ['bidirectional', () => bidirectionalModel('mul'), () => sequenceInput(7, 3)],
];

describe.skipIf(!python)('files open in Keras 3 (Python)', () => {
  it.each(
    cases.flatMap(([name, make, input]) =>
      (['keras', 'h5'] as const).map((f) => [name, f, make, input] as const),
    ),
  )(
    '%s as .%s: keras.saving.load_model predicts what tensorseq predicts',
    async (name, format, make, input) => {
      const model = make();
      const x = input();
      const y = model.predict(x) as tf.Tensor;
      const file = join(dir, `${name}.${format}`);
      const data = join(dir, `${name}.${format}.json`);
      await writeFile(file, await encodeKerasModel(model, { format }));
      await writeFile(data, JSON.stringify({ x: Array.from(x.dataSync()), shape: x.shape }));
      const run = spawnSync(python as string, ['-c', PREDICT, file, data], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status, run.stderr.slice(-2000)).toBe(0);
      const result = JSON.parse(run.stdout.trim().split('\n').pop() as string) as {
        keras: string;
        y: number[];
      };
      expect(result.keras).toMatch(/^3\./);
      const ours = Array.from(y.dataSync());
      expect(result.y).toHaveLength(ours.length);
      for (const [i, v] of result.y.entries()) expect(Math.abs(v - ours[i])).toBeLessThan(1e-5);
      tf.dispose([x, y]);
      model.dispose();
    },
    120_000,
  );
});
