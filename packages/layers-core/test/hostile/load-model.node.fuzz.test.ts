// Property-based fuzzing of loadModel (issue #16) on mutated model.json / weights.bin: every load gives a
// clear `loadModel:` error or the very model that was saved (same predictions, same optimizer state);
// a file edited and re-signed loads as a working model or fails clearly. Never another error, a crash, a
// hang, a tensor leak or prototype pollution.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { fuzzParams } from '@tensorseq/test-utils/fuzz';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dense, Embedding, Flatten, loadModel, Sequential, setGlobalSeed } from '../../src/index';
import { manifestSha256 } from '../../src/io/manifest-checksum';
import '../../src/node';
import '../helpers';

const root = await mkdtemp(join(tmpdir(), 'tensorseq-fuzz-load-'));
const x = { data: Int32Array.from({ length: 8 * 4 }, (_, i) => (i * 5) % 12), shape: [8, 4] };
const y = { data: Float32Array.from({ length: 8 }, (_, i) => i % 2), shape: [8, 1] };
let json: string;
let weights: Buffer;
let expected: number[];
let iterations: number;

beforeAll(async () => {
  setGlobalSeed(3);
  const model = new Sequential({
    layers: [
      new Embedding({ inputDim: 12, outputDim: 3, inputLength: 4 }),
      new Flatten(),
      new Dense({ units: 4, activation: 'relu' }),
      new Dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: 'rmsprop', loss: 'binaryCrossentropy', metrics: ['acc'] });
  await model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0 });
  await model.save(join(root, 'original'));
  const p = model.predict(x);
  expected = Array.from(p.dataSync());
  p.dispose();
  iterations = model.optimizer?.iterations ?? -1;
  model.dispose();
  json = await readFile(join(root, 'original', 'model.json'), 'utf8');
  weights = await readFile(join(root, 'original', 'weights.bin'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

let n = 0;
/**
 * Loads the given files; asserts a clear error, or the original model (`exact`), or (for a re-signed file,
 * which may legitimately describe another model) a model that predicts the right shape.
 */
async function loadAndCheck(modelJson: string | Buffer, weightsBin: Buffer, exact: boolean): Promise<void> {
  const dir = join(root, `case${n++}`);
  await mkdir(dir);
  await writeFile(join(dir, 'model.json'), modelJson);
  await writeFile(join(dir, 'weights.bin'), weightsBin);
  const tensors = tf.memory().numTensors;
  try {
    const model = await loadModel(dir);
    const p = model.predict(x);
    if (exact) {
      expect(Array.from(p.dataSync())).toEqual(expected);
      expect(model.optimizer?.iterations).toBe(iterations);
    } else {
      expect(p.shape).toEqual([8, 1]);
    }
    p.dispose();
    model.dispose();
  } catch (error) {
    if (!(error instanceof Error && /^loadModel: /.test(error.message))) throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  expect(tf.memory().numTensors).toBe(tensors);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const damage = fc.record({
  writes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
  cut: fc.option(fc.nat(), { nil: undefined }),
});
function applyDamage(bytes: Buffer, d: { writes: [number, number][]; cut: number | undefined }): Buffer {
  const out = Buffer.from(bytes);
  for (const [at, value] of d.writes) out[at % out.length] = value;
  return d.cut === undefined ? out : out.subarray(0, d.cut % (out.length + 1));
}

describe('fuzz: loadModel', () => {
  it('rejects byte-damaged model.json / weights.bin clearly, or loads the original model', async () => {
    await fc.assert(
      fc.asyncProperty(damage, damage, async (dJson, dWeights) => {
        await loadAndCheck(applyDamage(Buffer.from(json), dJson), applyDamage(weights, dWeights), true);
      }),
      fuzzParams(100),
    );
  });

  it('rejects edited fields clearly even when the manifest checksum is recomputed', async () => {
    // Paths into model.json outside the layer sizes (a re-signed Dense of 1e9 units is a valid, huge model).
    const path = fc.constantFrom(
      ['format'],
      ['formatVersion'],
      ['modelTopology'],
      ['modelTopology', 'className'],
      ['modelTopology', 'config', 'layers'],
      ['modelTopology', 'config', 'layers', '2', 'className'],
      ['modelTopology', 'config', 'layers', '2', 'config', 'activation'],
      ['trainingConfig'],
      ['trainingConfig', 'loss'],
      ['trainingConfig', 'metrics'],
      ['trainingConfig', 'optimizer', 'className'],
      ['weights'],
      ['weights', '0'],
      ['weights', '1', 'offset'],
      ['weights', '1', 'shape'],
      ['weights', '2', 'name'],
      ['optimizerState'],
      ['optimizerState', 'iterations'],
      ['optimizerState', 'slots', '0', 'offset'],
      ['optimizerState', 'slots', '1', 'name'],
      ['optimizerState', 'slots', '1', 'shape'],
      ['weightsByteLength'],
      ['weightsSha256'],
    );
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.integer({ min: -4, max: 4000 }),
      fc.constantFrom(
        -1,
        0.5,
        1e300,
        'linear',
        'evil',
        '__proto__',
        JSON.parse('{"__proto__": {"polluted": 1}}'),
      ),
    );
    await fc.assert(
      fc.asyncProperty(path, value, async (keys, v) => {
        const saved = JSON.parse(json) as Record<string, unknown>;
        let at: Record<string, unknown> = saved;
        for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
        at[keys[keys.length - 1]] = v;
        saved.manifestSha256 = await manifestSha256(saved as never);
        await loadAndCheck(JSON.stringify(saved), weights, false);
      }),
      fuzzParams(80),
    );
  });
});
