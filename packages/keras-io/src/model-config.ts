import { KerasIoError } from './keras-io-error';
import { isObject, type Json, type JsonObject, own } from './parse-json';

/** One layer of a Keras model config, as read from the file. */
export interface KerasLayerSpec {
  /** Keras class name (`'LSTM'`, `'InputLayer'`...). */
  className: string;
  /** The layer's `config` object (snake_case keys, as Keras writes them). */
  config: JsonObject;
}

/** A Keras model config reduced to the chain of layers tensorseq runs. */
export interface KerasModelSpec {
  /** `'Sequential'`, `'Functional'` or `'Model'`. */
  modelClass: string;
  name: string;
  /** Every layer in order, `InputLayer` included when the config has one. */
  layers: KerasLayerSpec[];
  /** A Keras 3 Sequential's `build_input_shape`, used when no layer declares the input shape. */
  buildInputShape?: Json;
}

/**
 * Reads the `model_config` / `config.json` object of any Keras version (2.0's list-valued Sequential
 * config, 2.x's `{ name, layers }`, Keras 3's module-qualified form) and checks that a Functional model is
 * a single chain, naming the first layer that breaks it.
 *
 * @example
 * toModelSpec({ class_name: 'Sequential', config: { name: 's', layers: [] } }, '3.1.0').modelClass // → 'Sequential'
 */
export function toModelSpec(config: Json, version: string): KerasModelSpec {
  if (!isObject(config) || typeof own(config, 'class_name') !== 'string') {
    throw new KerasIoError(
      'bad-file',
      `loadKerasModel: the model config must be an object with a class_name. Received: ${describe(config)} (Keras ${version}).`,
    );
  }
  if (/^1\./.test(version)) {
    throw new KerasIoError(
      'unsupported',
      `loadKerasModel: the file must be written by Keras 2.0 or later. Received: a Keras ${version} file. To fix this, load it in Keras 2 and save it again.`,
    );
  }
  const modelClass = own(config, 'class_name') as string;
  const body = own(config, 'config');
  if (modelClass === 'Sequential') {
    const list = Array.isArray(body) ? body : isObject(body) ? own(body, 'layers') : undefined;
    if (!Array.isArray(list)) throw badLayers(version);
    const name =
      isObject(body) && typeof own(body, 'name') === 'string' ? (own(body, 'name') as string) : 'sequential';
    const buildInputShape = isObject(body) ? own(body, 'build_input_shape') : undefined;
    return { modelClass, name, layers: list.map((l) => toLayerSpec(l, version)), buildInputShape };
  }
  if (modelClass === 'Functional' || modelClass === 'Model') {
    if (!isObject(body) || !Array.isArray(own(body, 'layers'))) throw badLayers(version);
    const rawLayers = own(body, 'layers') as Json[];
    const layers = rawLayers.map((l) => toLayerSpec(l, version));
    checkChain(body, rawLayers as JsonObject[], version);
    const name = typeof own(body, 'name') === 'string' ? (own(body, 'name') as string) : 'model';
    return { modelClass, name, layers };
  }
  throw new KerasIoError(
    'unsupported',
    `loadKerasModel: the model class must be Sequential or a single-chain Functional model. Received: class_name="${modelClass}" (Keras ${version}).`,
  );
}

/** `{ class_name, config }` of one layer (also used for wrapped layers). */
export function toLayerSpec(layer: Json, version: string): KerasLayerSpec {
  if (!isObject(layer) || typeof own(layer, 'class_name') !== 'string' || !isObject(own(layer, 'config'))) {
    throw new KerasIoError(
      'bad-file',
      `loadKerasModel: every layer must be { class_name, config }. Received: ${describe(layer)} (Keras ${version}).`,
    );
  }
  return { className: own(layer, 'class_name') as string, config: own(layer, 'config') as JsonObject };
}

function badLayers(version: string): KerasIoError {
  return new KerasIoError(
    'bad-file',
    `loadKerasModel: the model config must list its layers. Received: no layers array (Keras ${version}).`,
  );
}

/** The names of the layers feeding one layer, from Keras 2's or Keras 3's `inbound_nodes`. */
function inboundNames(layer: JsonObject): string[][] {
  const nodes = own(layer, 'inbound_nodes');
  if (!Array.isArray(nodes)) return [];
  return nodes.map((node) => {
    if (Array.isArray(node)) {
      // Keras 2: [[name, nodeIndex, tensorIndex, kwargs], ...]
      return node.map((t) => (Array.isArray(t) && typeof t[0] === 'string' ? t[0] : '?'));
    }
    if (isObject(node)) {
      // Keras 3: { args: [ { class_name: '__keras_tensor__', config: { keras_history: [name, i, j] } } ], kwargs }
      const args = own(node, 'args');
      const names: string[] = [];
      const visit = (v: Json) => {
        if (Array.isArray(v)) v.forEach(visit);
        else if (isObject(v)) {
          const cfg = own(v, 'config');
          if (own(v, 'class_name') === '__keras_tensor__' && isObject(cfg)) {
            const history = own(cfg, 'keras_history');
            names.push(Array.isArray(history) && typeof history[0] === 'string' ? history[0] : '?');
          }
        }
      };
      visit(args ?? null);
      return names;
    }
    return ['?'];
  });
}

function endpointNames(body: JsonObject, key: string): string[] {
  const value = own(body, key);
  if (!Array.isArray(value)) return [];
  // [[name, 0, 0], ...] or (Keras 3, single) [name, 0, 0]
  if (typeof value[0] === 'string') return [value[0]];
  return value.map((v) => (Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '?'));
}

function checkChain(body: JsonObject, layers: JsonObject[], version: string): void {
  const inputs = endpointNames(body, 'input_layers');
  const outputs = endpointNames(body, 'output_layers');
  const names = layers.map((l) => String(own(l, 'name') ?? own(own(l, 'config') as JsonObject, 'name')));
  const breakAt = (i: number, why: string) =>
    new KerasIoError(
      'not-a-chain',
      `loadKerasModel: a Functional model must be a single chain of layers to become a Sequential. Received: layer "${names[i]}" ${why} (Keras ${version}).`,
    );
  if (inputs.length !== 1) throw breakAt(0, `is one of ${inputs.length} model inputs`);
  if (names[0] !== inputs[0]) throw breakAt(0, `comes before the model input "${inputs[0]}"`);
  for (let i = 1; i < layers.length; i++) {
    const nodes = inboundNames(layers[i]);
    if (nodes.length !== 1) throw breakAt(i, `is called ${nodes.length} times`);
    if (nodes[0].length !== 1) throw breakAt(i, `takes ${nodes[0].length} inputs`);
    if (nodes[0][0] !== names[i - 1]) throw breakAt(i, `reads "${nodes[0][0]}", not the layer before it`);
  }
  if (outputs.length !== 1 || outputs[0] !== names[names.length - 1]) {
    throw breakAt(names.length - 1, `is not the model's only output (outputs: ${outputs.join(', ')})`);
  }
}

function describe(value: Json | undefined): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
