import { readFileSync } from 'node:fs';
import { conformanceFile } from '@tensorseq/test-utils';
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeKerasModel, loadKerasModel } from '../src/index';
import { h5Attribute, h5Tree, unzipKeras } from './h5-tree';
import './setup';

const reference = (name: string) => new Uint8Array(readFileSync(conformanceFile(`keras/models/${name}`)));

/** Paths of a tree, without the parts a Sequential saved uncompiled does not have. */
function comparable(tree: Map<string, unknown>, drop: RegExp): string[] {
  return [...tree.keys()].filter((p) => !drop.test(p)).sort();
}

describe('what saveKerasModel writes, compared with what Keras wrote', () => {
  it('.keras: the same model.weights.h5 groups, datasets, dtypes and name attributes as Keras 3.12', async () => {
    const file = 'k3.12.0_jena_gru_zip.keras';
    const keras = unzipKeras(reference(file));
    const model = await loadKerasModel(reference(file));
    const ours = unzipKeras(await encodeKerasModel(model));
    expect(Object.keys(ours).sort()).toEqual(['config.json', 'metadata.json', 'model.weights.h5']);
    const theirs = await h5Tree(keras['model.weights.h5']);
    const mine = await h5Tree(ours['model.weights.h5']);
    // Keras' Functional model also saves its InputLayer and the optimizer; a Sequential saved uncompiled has neither.
    const drop = /^\/(optimizer|layers\/input_layer)(\/|$)/;
    expect(comparable(mine, drop)).toEqual(comparable(theirs, drop));
    for (const path of comparable(theirs, drop)) {
      expect(mine.get(path), path).toEqual(theirs.get(path));
    }
    for (const path of ['/layers/gru/vars', '/layers/gru/cell/vars', '/layers/dense/vars']) {
      expect(await h5Attribute(ours['model.weights.h5'], path, 'name')).toEqual(
        await h5Attribute(keras['model.weights.h5'], path, 'name'),
      );
    }
    const metadata = JSON.parse(strFromU8(ours['metadata.json']));
    expect(Object.keys(metadata)).toEqual(
      expect.arrayContaining(Object.keys(JSON.parse(strFromU8(keras['metadata.json'])))),
    );
    const config = JSON.parse(strFromU8(ours['config.json']));
    const theirConfig = JSON.parse(strFromU8(keras['config.json']));
    expect(config.module).toBe('keras');
    expect(config.class_name).toBe('Sequential');
    // Each layer entry has Keras 3's keys, and the layer configs carry Keras' own keys for the options we set.
    const theirGru = theirConfig.config.layers[1];
    const ourGru = config.config.layers[1];
    expect(Object.keys(ourGru).sort()).toEqual(
      Object.keys(theirGru)
        .filter((k) => k !== 'inbound_nodes' && k !== 'name')
        .sort(),
    );
    for (const key of Object.keys(ourGru.config)) expect(theirGru.config, key).toHaveProperty(key);
    expect(ourGru.config.dtype).toEqual({
      ...theirGru.config.dtype,
      config: { name: 'float32' },
      shared_object_id: undefined,
    });
    model.dispose();
  });

  it('.h5: the same groups, datasets, dtypes and attribute types as tf.keras 2.10', async () => {
    const file = 'k2.10.0_embedding_globalmaxpool.h5';
    const keras = reference(file);
    const model = await loadKerasModel(keras);
    const ours = await encodeKerasModel(model, { format: 'h5' });
    const theirs = await h5Tree(keras);
    const mine = await h5Tree(ours);
    const drop = /^\/optimizer_weights(\/|$)/;
    expect(comparable(mine, drop)).toEqual(comparable(theirs, drop));
    for (const path of comparable(theirs, drop)) {
      if (path === '/') continue;
      expect(mine.get(path), path).toEqual(theirs.get(path));
    }
    // Root: model_config, keras_version and backend with Keras' string types (training_config only when compiled there).
    const rootAttrs = theirs.get('/')?.attrs ?? {};
    for (const name of ['backend', 'keras_version', 'model_config']) {
      expect(mine.get('/')?.attrs[name], name).toBe(rootAttrs[name]);
    }
    expect(await h5Attribute(ours, '/model_weights', 'layer_names')).toEqual(
      await h5Attribute(keras, '/model_weights', 'layer_names'),
    );
    expect(await h5Attribute(ours, '/model_weights/dense', 'weight_names')).toEqual(
      await h5Attribute(keras, '/model_weights/dense', 'weight_names'),
    );
    model.dispose();
  });
});
