import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeKerasModel } from '../src/index';
import { unzipKeras } from './h5-tree';
import { bidirectionalModel, recurrentModel } from './models';
import './setup';

// An extra, optional check with the HDF5 library Keras itself uses (h5py). The main checks never need Python.
const python = ['python3', '/usr/bin/python3'].find(
  (exe) => spawnSync(exe, ['-c', 'import h5py'], { encoding: 'utf8' }).status === 0,
);
const dir = await mkdtemp(join(tmpdir(), 'tensorseq-h5py-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Lists every dataset as "path dtype shape sum" with h5py. */
const LIST = `
import h5py, sys
def visit(name, obj):
    if isinstance(obj, h5py.Dataset):
        print(name, obj.dtype.str, list(obj.shape), float(obj[()].sum()))
with h5py.File(sys.argv[1], 'r') as f:
    for key in ('keras_version', 'model_config'):
        if key in f.attrs:
            v = f.attrs[key]
            print('attr', key, (v.decode() if hasattr(v, 'decode') else v)[:20])
    if 'model_weights' in f:
        names = [n.decode() if hasattr(n, 'decode') else n for n in f['model_weights'].attrs['layer_names']]
        print('layer_names', ','.join(names))
    f.visititems(visit)
`;

if (!python) console.log('h5py check skipped: no python3 with h5py here (apt-get install python3-h5py).');

describe.skipIf(!python)('files open in h5py', () => {
  it('h5py reads the .h5 file and the model.weights.h5 inside the .keras file with the same values', async () => {
    const model = recurrentModel();
    const h5 = join(dir, 'model.h5');
    await writeFile(h5, await encodeKerasModel(model, { format: 'h5' }));
    const inner = join(dir, 'model.weights.h5');
    await writeFile(inner, unzipKeras(await encodeKerasModel(bidirectionalModel()))['model.weights.h5']);
    const legacy = spawnSync(python as string, ['-c', LIST, h5], { encoding: 'utf8' });
    expect(legacy.stderr).toBe('');
    expect(legacy.stdout).toContain('attr keras_version 2.15.0');
    expect(legacy.stdout).toContain('attr model_config {"class_name":"Seque');
    expect(legacy.stdout).toContain(`layer_names ${model.layers.map((l) => l.name).join(',')}`);
    const embedding = model.layers[0].weights[0];
    const sum = Array.from(embedding.read().dataSync()).reduce((a, b) => a + b, 0);
    const line = legacy.stdout.split('\n').find((l) => l.includes('embeddings:0')) ?? '';
    expect(line.split(' ').slice(1, 3)).toEqual(['<f4', '[40,']);
    expect(Number(line.split(' ').pop())).toBeCloseTo(sum, 3);
    const keras3 = spawnSync(python as string, ['-c', LIST, inner], { encoding: 'utf8' });
    expect(keras3.stderr).toBe('');
    expect(keras3.stdout).toContain('layers/bidirectional/forward_layer/cell/vars/0 <f4 [4, 12]');
    expect(keras3.stdout).toContain('layers/gru/cell/vars/2 <f4 [2, 12]');
    model.dispose();
  });
});
