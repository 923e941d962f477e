import type { Layer, LayerConfig } from '@tensorseq/layers-core';
import { KerasIoError } from './keras-io-error';
import type { JsonObject } from './parse-json';

/** Which Keras generation a written config targets: Keras 3's `.keras`, or tf.keras 2's legacy `.h5`. */
export type KerasDialect = 'keras3' | 'keras2';

/** A Keras layer entry: `{ class_name, config }` (plus `module` and `registered_name` for Keras 3). */
export type KerasLayerEntry = JsonObject;

const RECURRENT = new Set(['SimpleRNN', 'LSTM', 'GRU']);

/** Keras 3's float32 dtype policy object, as Keras 3.12 writes it. */
function dtype(dialect: KerasDialect): JsonObject | string {
  return dialect === 'keras3'
    ? { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null }
    : 'float32';
}

function activationName(value: unknown, owner: string, key: string, dialect: KerasDialect): string {
  const name = String(value ?? 'linear');
  if (name === 'hardSigmoid') {
    if (dialect === 'keras3') {
      throw new KerasIoError(
        'unsupported',
        `saveKerasModel: ${owner} ${key} must have a Keras 3 equivalent for format "keras". Received: ${key}="hardSigmoid" (Keras 2's clip(0.2x + 0.5); Keras 3's hard_sigmoid is relu6(x + 3) / 6). To fix this, save with { format: 'h5' } for tf.keras 2, or train with "sigmoid".`,
      );
    }
    return 'hard_sigmoid';
  }
  return name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Wraps a layer config the way each Keras generation serializes it. */
export function entry(className: string, config: JsonObject, dialect: KerasDialect): KerasLayerEntry {
  return dialect === 'keras3'
    ? { module: 'keras.layers', class_name: className, config, registered_name: null }
    : { class_name: className, config };
}

function recurrentConfig(c: LayerConfig, className: string, dialect: KerasDialect): JsonObject {
  if (c.returnState) {
    throw new KerasIoError(
      'unsupported',
      `saveKerasModel: ${className} returnState must be false in a Sequential model. Received: returnState=true.`,
    );
  }
  const config: JsonObject = {
    name: String(c.name),
    trainable: c.trainable !== false,
    dtype: dtype(dialect),
    return_sequences: Boolean(c.returnSequences),
    return_state: false,
    go_backwards: Boolean(c.goBackwards),
    stateful: Boolean(c.stateful),
    unroll: false,
    units: Number(c.units),
    activation: activationName(c.activation, className, 'activation', dialect),
    use_bias: c.useBias !== false,
    dropout: Number(c.dropout ?? 0),
    recurrent_dropout: Number(c.recurrentDropout ?? 0),
  };
  if (className !== 'SimpleRNN') {
    config.recurrent_activation = activationName(
      c.recurrentActivation,
      className,
      'recurrentActivation',
      dialect,
    );
  }
  if (className === 'LSTM') config.unit_forget_bias = c.unitForgetBias !== false;
  if (className === 'GRU') config.reset_after = Boolean(c.resetAfter);
  return config;
}

/**
 * A wrapped layer's entry. Keras 3 deserializes wrapped layers with its new serializer even in legacy
 * `.h5` files, which needs `module`; tf.keras 2 ignores the extra keys. So `.h5` files get them too, and
 * both generations open the file (a genuine tf.keras 2 `.h5` with a Bidirectional fails in Keras 3.15).
 */
function nested(e: KerasLayerEntry): KerasLayerEntry {
  return { module: 'keras.layers', ...e, registered_name: null };
}

/**
 * The Keras config of a tensorseq layer (snake_case keys, Keras' class names), for Keras 3's `.keras`
 * or tf.keras 2's `.h5`. Refuses layers Keras has no built-in class for, and options that would not mean
 * the same thing there.
 *
 * @example
 * toKerasEntry(new Dense({ units: 1, name: 'out' }), 'keras3').class_name // → 'Dense'
 */
export function toKerasEntry(layer: Layer, dialect: KerasDialect): KerasLayerEntry {
  return fromConfig(layer.className, layer.getConfig(), dialect);
}

function fromConfig(className: string, c: LayerConfig, dialect: KerasDialect): KerasLayerEntry {
  const base: JsonObject = { name: String(c.name), trainable: c.trainable !== false, dtype: dtype(dialect) };
  switch (className) {
    case 'Dense':
      return entry(
        className,
        {
          ...base,
          units: Number(c.units),
          activation: activationName(c.activation, className, 'activation', dialect),
          use_bias: c.useBias !== false,
        },
        dialect,
      );
    case 'Embedding':
      return entry(
        className,
        {
          ...base,
          input_dim: Number(c.inputDim),
          output_dim: Number(c.outputDim),
          mask_zero: Boolean(c.maskZero),
        },
        dialect,
      );
    case 'Flatten':
      return entry(className, { ...base, data_format: 'channels_last' }, dialect);
    case 'Dropout':
      return entry(className, { ...base, rate: Number(c.rate), noise_shape: null, seed: null }, dialect);
    case 'Activation':
      return entry(
        className,
        { ...base, activation: activationName(c.activation, className, 'activation', dialect) },
        dialect,
      );
    case 'Conv1D':
      return entry(
        className,
        {
          ...base,
          filters: Number(c.filters),
          kernel_size: [Number(c.kernelSize)],
          strides: [Number(c.strides ?? 1)],
          padding: String(c.padding ?? 'valid'),
          data_format: 'channels_last',
          dilation_rate: [Number(c.dilationRate ?? 1)],
          groups: 1,
          activation: activationName(c.activation, className, 'activation', dialect),
          use_bias: c.useBias !== false,
        },
        dialect,
      );
    case 'MaxPooling1D':
    case 'AveragePooling1D':
      return entry(
        className,
        {
          ...base,
          pool_size: [Number(c.poolSize)],
          strides: [Number(c.strides ?? c.poolSize)],
          padding: String(c.padding ?? 'valid'),
          data_format: 'channels_last',
        },
        dialect,
      );
    case 'GlobalMaxPooling1D':
    case 'GlobalAveragePooling1D':
      return entry(
        className,
        { ...base, data_format: 'channels_last', keepdims: Boolean(c.keepdims) },
        dialect,
      );
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return entry(className, recurrentConfig(c, className, dialect), dialect);
    case 'Bidirectional': {
      const inner = c.layer as { className: string; config: LayerConfig };
      if (!RECURRENT.has(inner.className)) {
        throw new KerasIoError(
          'unsupported',
          `saveKerasModel: Bidirectional must wrap a SimpleRNN, LSTM or GRU to be saved for Keras. Received: ${inner.className}.`,
        );
      }
      if (c.mergeMode === null) {
        throw new KerasIoError(
          'unsupported',
          'saveKerasModel: Bidirectional mergeMode must not be null in a Sequential model. Received: mergeMode=null.',
        );
      }
      const config: JsonObject = {
        ...base,
        merge_mode: String(c.mergeMode ?? 'concat'),
        layer: nested(fromConfig(inner.className, inner.config, dialect)),
      };
      if (dialect === 'keras3') {
        // Keras 3 always serializes the backward copy too: the forward config, reversed.
        config.backward_layer = fromConfig(
          inner.className,
          {
            ...inner.config,
            name: `backward_${String(inner.config.name)}`,
            goBackwards: !inner.config.goBackwards,
          },
          dialect,
        );
      }
      return entry(className, config, dialect);
    }
    case 'TimeDistributed': {
      const inner = c.layer as { className: string; config: LayerConfig };
      return entry(
        className,
        { ...base, layer: nested(fromConfig(inner.className, inner.config, dialect)) },
        dialect,
      );
    }
    default:
      throw new KerasIoError(
        'unsupported',
        `saveKerasModel: every layer must have a built-in Keras class. Received: ${className} layer "${String(c.name)}".`,
      );
  }
}
