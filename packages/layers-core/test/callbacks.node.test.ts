// The callbacks that write to the file system (ModelCheckpoint to a directory, CSVLogger to a file): Node
// only, hence `.node.test.ts` (the browser run leaves these files out; callbacks.test.ts has the rest).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CSVLogger, formatCheckpointPath, loadModel, ModelCheckpoint } from '../src/index';
import './helpers';
import '../src/node';
import { linear } from './linear-model';

const root = await mkdtemp(join(tmpdir(), 'tensorseq-cb-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('callbacks on the file system', () => {
  it('ModelCheckpoint saves only improvements with saveBestOnly', async () => {
    const { model, x, y } = linear(0.01);
    const dir = join(root, 'ckpt-{epoch:02d}');
    const saved: number[] = [];
    await model.fit(x, y, {
      epochs: 3,
      verbose: 0,
      validationData: [x, y],
      callbacks: [
        new ModelCheckpoint(dir, { saveBestOnly: true }),
        { onEpochEnd: (e) => void saved.push(e) },
      ],
    });
    expect((await readdir(root)).filter((n) => n.startsWith('ckpt-')).sort()).toEqual([
      'ckpt-01',
      'ckpt-02',
      'ckpt-03',
    ]);
    const last = await loadModel(join(root, 'ckpt-03'));
    expect(Array.from(last.getWeights()[0].dataSync())).toEqual(Array.from(model.getWeights()[0].dataSync()));
    expect(formatCheckpointPath('w.{epoch:02d}-{val_loss:.2f}', 2, { val_loss: 0.4567 })).toBe('w.03-0.46');
    model.dispose();
    last.dispose();
  });

  it('CSVLogger writes a header and one row per epoch', async () => {
    const { model, x, y } = linear(0.01);
    const file = join(root, 'log.csv');
    await model.fit(x, y, {
      epochs: 2,
      verbose: 0,
      validationData: [x, y],
      callbacks: [new CSVLogger(file)],
    });
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('epoch,loss,val_loss');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['0', '1']);
    model.dispose();
  });
});
