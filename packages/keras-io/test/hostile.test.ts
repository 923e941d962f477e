import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { conformanceFile } from '@tensorseq/test-utils';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeH5 } from '../src/h5';
import { encodeKerasModel, KerasIoError, loadKerasModel } from '../src/index';
import { unzipKeras } from './h5-tree';
import { convModel } from './models';
import './setup';

const GRU_FILE = 'k3.12.0_jena_gru_zip.keras';
const reference = (name: string) => new Uint8Array(readFileSync(conformanceFile(`keras/models/${name}`)));

/** The Keras 3 Jena GRU file with its config.json edited by `edit`. */
function withConfig(edit: (config: string) => string, file = GRU_FILE): Uint8Array {
  const members = unzipKeras(reference(file));
  return zipSync({ ...members, 'config.json': strToU8(edit(strFromU8(members['config.json']))) });
}

/** Replaces one layer of the Jena GRU config (by class name) with `layer`. */
function replaceLayer(className: string, layer: Record<string, unknown>): Uint8Array {
  return withConfig((text) => {
    const config = JSON.parse(text);
    const i = config.config.layers.findIndex((l: { class_name: string }) => l.class_name === className);
    config.config.layers[i] = { ...config.config.layers[i], ...layer };
    return JSON.stringify(config);
  });
}

async function rejection(promise: Promise<unknown>): Promise<KerasIoError> {
  try {
    await promise;
  } catch (error) {
    expect(KerasIoError.isInstance(error)).toBe(true);
    return error as KerasIoError;
  }
  throw new Error('expected a rejection');
}

describe('loadKerasModel on hostile or unsupported files', () => {
  it('refuses bytes that are not a Keras file', async () => {
    const error = await rejection(loadKerasModel(strToU8('not a model')));
    expect(error.code).toBe('bad-file');
    expect(error.message).toBe(
      'loadKerasModel: source must be a Keras model file (HDF5 or zip .keras). Received: 11 bytes starting with 6e 6f 74 20.',
    );
  });

  it('refuses truncated HDF5 and zip files with the reason, and keeps working afterwards', async () => {
    const h5 = reference('k2.2.4tf_imdb_gru.h5');
    await expect(loadKerasModel(h5.slice(0, 4000))).rejects.toThrow(
      `loadKerasModel: the file must be a readable Keras HDF5 file. Received: truncated file: eof = 4000, sblock->base_addr = 0, stored_eof = ${h5.length}.`,
    );
    const zip = reference(GRU_FILE);
    await expect(loadKerasModel(zip.slice(0, zip.length - 5000))).rejects.toThrow(
      'loadKerasModel: the .keras file must be a valid zip archive. Received: invalid zip data.',
    );
    const model = await loadKerasModel(h5);
    expect(model.layers).toHaveLength(3);
    model.dispose();
  });

  it('refuses Keras 1 files by version', async () => {
    const bytes = await writeH5((file) => {
      file.create_attribute('keras_version', '1.2.2', null, 'S');
      file.create_attribute('model_config', '{"class_name": "Sequential", "config": []}', null, 'A');
      file.create_group('model_weights');
    });
    await expect(loadKerasModel(bytes)).rejects.toThrow(
      'loadKerasModel: the file must be written by Keras 2.0 or later. Received: a Keras 1.2.2 file. To fix this, load it in Keras 2 and save it again.',
    );
  });

  it('refuses a file path in the universal entry and points to ./node', async () => {
    await expect(loadKerasModel('models/model.keras')).rejects.toThrow(
      'loadKerasModel: source must be bytes, a Response or an http(s) URL. Received: source="models/model.keras". To fix this, import from "@tensorseq/keras-io/node" to read a file path.',
    );
  });

  it('refuses Lambda layers without running anything', async () => {
    const bytes = replaceLayer('Dense', {
      class_name: 'Lambda',
      config: { name: 'evil', function: ['4wEAAAAAAAAA', null, null], function_type: 'lambda' },
    });
    const error = await rejection(loadKerasModel(bytes));
    expect(error.message).toBe(
      'loadKerasModel: Lambda layers are refused: they hold Python code, which is never run. Received: Lambda layer "evil" (Keras 3.12.0). To fix this, replace the Lambda with a built-in layer in Keras and save again.',
    );
  });

  it('names an unsupported layer class and the Keras version', async () => {
    const error = await rejection(
      loadKerasModel(
        replaceLayer('Dense', { class_name: 'LayerNormalization', config: { name: 'ln', axis: -1 } }),
      ),
    );
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('Received: LayerNormalization layer "ln" (Keras 3.12.0).');
  });

  it("refuses Keras 3's hard_sigmoid instead of running Keras 2's", async () => {
    const bytes = withConfig((t) =>
      t.replace('"recurrent_activation": "sigmoid"', '"recurrent_activation": "hard_sigmoid"'),
    );
    const error = await rejection(loadKerasModel(bytes));
    expect(error.message).toBe(
      'loadKerasModel: GRU recurrent_activation must be Keras 2\'s "hard_sigmoid" (clip(0.2x + 0.5)); Keras 3\'s relu6(x + 3) / 6 is not implemented (the values tensorseq implements). Received: recurrent_activation="hard_sigmoid" in layer "gru_13" (Keras 3.12.0).',
    );
  });

  it('names an option it does not implement instead of ignoring it', async () => {
    const bytes = withConfig((t) =>
      t.replace('"reset_after": true', '"reset_after": true, "ghost_option": 3'),
    );
    await expect(loadKerasModel(bytes)).rejects.toThrow(
      'loadKerasModel: GRU option "ghost_option" is not supported. Received: ghost_option=3 in layer "gru_13" (Keras 3.12.0).',
    );
    const padding = withConfig((t) => t.replace('"return_state": false', '"return_state": true'));
    await expect(loadKerasModel(padding)).rejects.toThrow(
      'loadKerasModel: GRU return_state must be false (the values tensorseq implements). Received: return_state=true in layer "gru_13" (Keras 3.12.0).',
    );
  });

  it('refuses __proto__ keys in the config (no prototype pollution)', async () => {
    const bytes = withConfig((t) =>
      t.replace(
        '{"module": "keras.layers", "class_name": "GRU", "config": {',
        '{"module": "keras.layers", "class_name": "GRU", "config": {"__proto__": {"polluted": true}, ',
      ),
    );
    await expect(loadKerasModel(bytes)).rejects.toThrow(
      'loadKerasModel: config.json must not contain a "__proto__" key. Received: a "__proto__" key.',
    );
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('names the first layer that breaks a Functional chain', async () => {
    const bytes = withConfig((t) =>
      t.replace('"keras_history": ["gru_13", 0, 0]', '"keras_history": ["input_layer_13", 0, 0]'),
    );
    await expect(loadKerasModel(bytes)).rejects.toThrow(
      'loadKerasModel: a Functional model must be a single chain of layers to become a Sequential. Received: layer "dense_15" reads "input_layer_13", not the layer before it (Keras 3.12.0).',
    );
  });

  it('checks the config against the weights before allocating (a huge units is refused, not allocated)', async () => {
    const before = tf.memory().numBytes;
    const huge = withConfig((t) => t.replace('"units": 128', '"units": 16000000'));
    await expect(loadKerasModel(huge)).rejects.toThrow(
      'loadKerasModel: layer "gru_13" (GRU) must hold 768000672000000 weight values for its config and input shape [null,72,12]. Received: 54528 in the file (Keras 3.12.0).',
    );
    expect(tf.memory().numBytes).toBe(before);
    const small = withConfig((t) => t.replace('"units": 1,', '"units": 2,'));
    await expect(loadKerasModel(small)).rejects.toThrow(
      'loadKerasModel: layer "dense_15" (Dense) must hold 258 weight values for its config and input shape [null,128]. Received: 129 in the file (Keras 3.12.0).',
    );
  });

  it('bounds the file and the model size', async () => {
    await expect(loadKerasModel(reference(GRU_FILE), { maxBytes: 1000 })).rejects.toThrow(
      'loadKerasModel: the file must be at most maxBytes=1000 bytes. Received: ',
    );
    await expect(loadKerasModel(reference(GRU_FILE), { maxParameters: 1000 })).rejects.toThrow(
      'loadKerasModel: the model must have at most maxParameters=1000 weight values. Received: 54528 by layer "gru_13" (Keras 3.12.0). To fix this, pass a larger maxParameters.',
    );
    await expect(loadKerasModel(reference(GRU_FILE), { maxBytes: 0 })).rejects.toThrow(
      'loadKerasModel: maxBytes must be a positive integer. Received: maxBytes=0.',
    );
  });

  it('bounds a streamed Response while reading it, and loads one within the bound', async () => {
    const bytes = reference(GRU_FILE);
    const streamed = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            // Two chunks and no Content-Length: only the running total can catch the excess.
            controller.enqueue(bytes.subarray(0, 1000));
            controller.enqueue(bytes.subarray(1000));
            controller.close();
          },
        }),
      );
    const error = await loadKerasModel(streamed(), { maxBytes: 1500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KerasIoError);
    expect((error as KerasIoError).code).toBe('too-large');
    expect((error as Error).message).toBe(
      `loadKerasModel: the source must be at most maxBytes=1500 bytes. Received: ${bytes.length} bytes. To fix this, pass a larger maxBytes.`,
    );
    const declared = new Response(bytes, { headers: { 'content-length': String(bytes.length) } });
    await expect(loadKerasModel(declared, { maxBytes: 1500 })).rejects.toThrow(
      `Received: ${bytes.length} bytes. To fix this, pass a larger maxBytes.`,
    );
    const model = await loadKerasModel(streamed());
    expect(model.countParams()).toBeGreaterThan(0);
    model.dispose();
  });

  it('checks every weight shape against the config before reading it', async () => {
    // Conv1D(filters=10, kernel_size=1) over 3 features has as many values (40) as the saved
    // Conv1D(filters=4, kernel_size=3): the count passes, the shape check must catch it.
    const saved = unzipKeras(await encodeKerasModel(convModel()));
    const config = strFromU8(saved['config.json']).replace(
      '"filters":4,"kernel_size":[3]',
      '"filters":10,"kernel_size":[1]',
    );
    expect(config).toContain('"filters":10,"kernel_size":[1]');
    const error = await rejection(loadKerasModel(zipSync({ ...saved, 'config.json': strToU8(config) })));
    expect(error.code).toBe('weight-mismatch');
    expect(error.message).toMatch(
      /^loadKerasModel: weight 0 of layer "conv1d(_\d+)?" must have shape \[1,3,10\] \(from the config\)\. Received: shape \[3,3,4\] in dataset "\/layers\/conv1d\/vars\/0" \(Keras 3\.12\.0\)\.$/,
    );
  });
});
