// Data loss and trust in save/load (issue #16): save replaces only a model, atomically, and a failure at
// any file-system step leaves the old or the new model loadable and every user file untouched; loadModel
// trusts nothing in model.json; two concurrent fits on one model are refused.
import * as fsp from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel, type Sequential } from '../../src/index';
import { manifestSha256 } from '../../src/io/manifest-checksum';
import '../../src/node';
import { type SaveFileSystem, saveModel } from '../../src/node/directory-save';
import '../helpers';
import { makeSmallModel, smallX, smallY } from '../small-model';

const root = await mkdtemp(join(tmpdir(), 'tensorseq-hostile-save-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const x = smallX;
const y = smallY;
const makeModel = makeSmallModel;

const values = (m: Sequential) => m.getWeights().flatMap((t) => Array.from(t.dataSync()));
let count = 0;
const freshDir = () => join(root, `m${count++}`);

describe('save: replaces only a model', () => {
  it('refuses a folder holding other files and leaves them untouched', async () => {
    const model = makeModel();
    const dir = freshDir();
    await fsp.mkdir(dir);
    await writeFile(join(dir, 'thesis.tex'), 'years of work');
    await expect(model.save(dir)).rejects.toThrow(
      `Sequential.save: dir must be empty, missing or hold a saved model. Received: dir=${dir} holds thesis.tex. To fix this, pick another dir, or pass { overwrite: true } to replace the folder and everything in it.`,
    );
    expect(await readdir(dir)).toEqual(['thesis.tex']);
    expect(await readFile(join(dir, 'thesis.tex'), 'utf8')).toBe('years of work');
    model.dispose();
  });

  it('refuses a saved model folder that also holds a user file', async () => {
    const model = makeModel();
    const dir = freshDir();
    await model.save(dir);
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await expect(model.save(dir)).rejects.toThrow(/holds notes\.txt\. To fix this/);
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'notes.txt', 'weights.bin']);
    model.dispose();
  });

  it('refuses a lone weights.bin that is not part of a saved model', async () => {
    const model = makeModel();
    const dir = freshDir();
    await fsp.mkdir(dir);
    await writeFile(join(dir, 'weights.bin'), 'not ours');
    await expect(model.save(dir)).rejects.toThrow(/holds weights\.bin\. To fix this/);
    expect(await readFile(join(dir, 'weights.bin'), 'utf8')).toBe('not ours');
    model.dispose();
  });

  it('replaces the whole folder with { overwrite: true }', async () => {
    const model = makeModel();
    const dir = freshDir();
    await fsp.mkdir(dir);
    await writeFile(join(dir, 'old.txt'), 'x');
    await model.save(dir, { overwrite: true });
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);
    model.dispose();
  });

  it('refuses a dir that is a file', async () => {
    const model = makeModel();
    const file = join(root, `file${count++}`);
    await writeFile(file, 'x');
    await expect(model.save(file)).rejects.toThrow(
      `Sequential.save: dir must be a folder or not exist. Received: dir=${file} is a file. To fix this, pick another dir.`,
    );
    model.dispose();
  });
});

/** A file system that fails the step named `failAt` (a write fails half-way, after writing half). */
function faulty(failAt: string): SaveFileSystem {
  const fail = (label: string) => {
    if (label === failAt) throw Object.assign(new Error(`injected failure of ${label}`), { code: 'EIO' });
  };
  const kind = (p: string) => (p.includes('.tmp-') ? 'tmp' : p.includes('.old-') ? 'old' : 'dir');
  return {
    mkdir: fsp.mkdir,
    readdir: fsp.readdir,
    readFile: fsp.readFile,
    rm: fsp.rm,
    stat: fsp.stat,
    rename: async (from, to) => {
      fail(`rename ${kind(String(from))}->${kind(String(to))}`);
      return fsp.rename(from, to);
    },
    open: (async (file: string, flags: string) => {
      const name = basename(file);
      fail(`open ${name}`);
      const handle = await fsp.open(file, flags);
      return {
        writeFile: async (data: Buffer) => {
          if (failAt === `write ${name}`) {
            await handle.writeFile(data.subarray(0, data.length >> 1));
            fail(`write ${name}`);
          }
          return handle.writeFile(data);
        },
        sync: async () => {
          fail(`fsync ${name}`);
          return handle.sync();
        },
        close: () => handle.close(),
      };
    }) as unknown as SaveFileSystem['open'],
  };
}

describe('save: fault injection at every file-system step', () => {
  const steps = [
    'open weights.bin',
    'write weights.bin',
    'fsync weights.bin',
    'open model.json',
    'write model.json',
    'fsync model.json',
    'rename dir->old',
    'rename tmp->dir',
  ];

  it.each(steps)('failing "%s" leaves the previous model at dir and user files untouched', async (step) => {
    const parent = freshDir();
    await fsp.mkdir(parent);
    await writeFile(join(parent, 'user.txt'), 'keep me');
    const dir = join(parent, 'model');
    const before = makeModel(1);
    await before.save(dir);
    const after = makeModel(2);
    await after.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
    await expect(saveModel(after, dir, {}, faulty(step))).rejects.toThrow(`injected failure of ${step}`);
    const loaded = await loadModel(dir);
    expect(values(loaded)).toEqual(values(before));
    expect((await readdir(parent)).sort()).toEqual(['model', 'user.txt']);
    expect(await readFile(join(parent, 'user.txt'), 'utf8')).toBe('keep me');
    // And the next save, with a healthy file system, goes through.
    await after.save(dir);
    const again = await loadModel(dir);
    expect(values(again)).toEqual(values(after));
    for (const m of [before, after, loaded, again]) m.dispose();
  });

  it('when the final rename and the move back both fail, says where the intact previous model is', async () => {
    const parent = freshDir();
    await fsp.mkdir(parent);
    const dir = join(parent, 'model');
    const before = makeModel(1);
    await before.save(dir);
    const base = faulty('rename tmp->dir');
    const both: SaveFileSystem = {
      ...base,
      rename: async (from, to) => {
        if (String(from).includes('.old-')) throw new Error('injected failure of rename old->dir');
        return base.rename(from, to);
      },
    };
    const error = (await saveModel(before, dir, {}, both).catch((e) => e)) as Error;
    expect(error.message).toMatch(
      /^Sequential\.save: the previous model must stay at dir\. Received: injected failure of rename tmp->dir, then injected failure of rename old->dir while moving it back; it is intact at .*model\.old-[0-9-]+\.$/,
    );
    const old = (await readdir(parent)).find((n) => n.startsWith('model.old-'));
    expect(old).toBeDefined();
    const loaded = await loadModel(join(parent, old as string));
    expect(values(loaded)).toEqual(values(before));
    before.dispose();
    loaded.dispose();
  });

  it('saves into a new dir with no previous model, and a failure leaves nothing', async () => {
    const parent = freshDir();
    await fsp.mkdir(parent);
    const model = makeModel();
    await expect(saveModel(model, join(parent, 'model'), {}, faulty('rename tmp->dir'))).rejects.toThrow();
    expect(await readdir(parent)).toEqual([]);
    model.dispose();
  });
});

describe('loadModel: trusts nothing in model.json', () => {
  /** The parts of model.json these edits touch. */
  interface Json {
    [key: string]: unknown;
    weights: { name: string; offset: number; shape: number[] }[];
    modelTopology: { config: { layers: { config: Record<string, unknown> }[] } };
    trainingConfig: { loss: string };
    optimizerState: { iterations: number; slots: { name: string }[] };
  }
  async function savedCopy(): Promise<{ dir: string; json: Json & { manifestSha256: string } }> {
    const model = makeModel();
    await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
    const dir = freshDir();
    await model.save(dir);
    model.dispose();
    return { dir, json: JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) };
  }
  const edits: [string, (j: Json) => void][] = [
    ['a weight offset', (j) => (j.weights[1].offset += 4)],
    ['an activation', (j) => (j.modelTopology.config.layers[2].config.activation = 'linear')],
    ['the optimizer iterations', (j) => (j.optimizerState.iterations = 1e6)],
    ['a weight shape', (j) => (j.weights[0].shape = [3, 30])],
    ['the loss', (j) => (j.trainingConfig.loss = 'mse')],
  ];

  it.each(edits)('detects an edited %s through the manifest checksum', async (_name, edit) => {
    const { dir, json } = await savedCopy();
    edit(json);
    await writeFile(join(dir, 'model.json'), JSON.stringify(json));
    await expect(loadModel(dir)).rejects.toThrow(
      new RegExp(
        `^loadModel: .*model\\.json must have manifestSha256 ${json.manifestSha256} \\(it was edited\\)\\. Received: [0-9a-f]{64}\\.`,
      ),
    );
  });

  const resigned: [string, (j: Json) => void, RegExp][] = [
    [
      'an offset that overlaps',
      (j) => (j.weights[1].offset = 0),
      /must place .* at byte 360 \(right after the array before it\)\. Received: offset=0\./,
    ],
    [
      'iterations that are not a count',
      (j) => (j.optimizerState.iterations = -3),
      /must have an optimizerState of \{ iterations \(a count\), slots \} or null\. Received: iterations=-3\./,
    ],
    [
      'a swapped weight shape',
      (j) => (j.weights[0].shape = [3, 30]),
      /must list weight 0 as embedding\S*\/embeddings \[30,3\]\. Received: ".*" \[3,30\]\./,
    ],
    ['a missing weight', (j) => j.weights.pop(), /must (cover all|list the model|place)/],
    [
      'an unknown activation',
      (j) => (j.modelTopology.config.layers[2].config.activation = 'evil'),
      /must describe a model tensorseq can build\. Received: .*evil/,
    ],
    [
      'a slot for no weight',
      (j) => (j.optimizerState.slots[0].name = 'nope/rms'),
      /must hold one optimizer slot per weight and slot name, the size of its weight\. Received: slot "nope\/rms"/,
    ],
    [
      'a proto-polluting key',
      (j) => (j.modelTopology = JSON.parse('{"__proto__": {"polluted": true}}')),
      /must have a Sequential modelTopology/,
    ],
  ];

  it.each(resigned)('rejects %s even when the checksum was recomputed', async (_name, edit, message) => {
    const { dir, json } = await savedCopy();
    edit(json);
    json.manifestSha256 = await manifestSha256(json as never);
    await writeFile(join(dir, 'model.json'), JSON.stringify(json));
    const before = tf.memory().numTensors;
    await expect(loadModel(dir)).rejects.toThrow(message);
    expect(tf.memory().numTensors).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('still loads a format-1 file (no manifest checksum), checking every field', async () => {
    const { dir, json } = await savedCopy();
    json.formatVersion = 1;
    delete (json as Partial<Json & { manifestSha256: string }>).manifestSha256;
    await writeFile(join(dir, 'model.json'), JSON.stringify(json));
    const loaded = await loadModel(dir);
    expect(loaded.optimizer?.iterations).toBe(4);
    loaded.dispose();
  });
});

describe('fit: one at a time per model', () => {
  it('refuses a second concurrent fit with a clear error, and the first one finishes', async () => {
    const model = makeModel();
    const first = model.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0 });
    await expect(model.fit(x, y, { epochs: 1, verbose: 0 })).rejects.toThrow(
      'Sequential.fit: the model must not be training already. Received: a second fit() call while one is running. To fix this, await the first fit() before starting another, or train a separate model.',
    );
    const history = await first;
    expect(history.history.loss).toHaveLength(3);
    const next = await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
    expect(next.history.loss).toHaveLength(1);
    model.dispose();
  });
});
