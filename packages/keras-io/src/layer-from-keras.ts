import {
  AveragePooling1D,
  Conv1D,
  GlobalAveragePooling1D,
  GlobalMaxPooling1D,
  MaxPooling1D,
} from '@tensorseq/layers-conv1d';
import {
  Activation,
  Dense,
  Dropout,
  Embedding,
  Flatten,
  type Layer,
  TimeDistributed,
} from '@tensorseq/layers-core';
import {
  Bidirectional,
  GRU,
  LSTM,
  type MergeMode,
  type RecurrentActivation,
  type RNN,
  SimpleRNN,
} from '@tensorseq/layers-recurrent';
import { ConfigReader } from './config-reader';
import { KerasIoError } from './keras-io-error';
import { type KerasLayerSpec, toLayerSpec } from './model-config';
import { isObject, type Json, own } from './parse-json';

/** How a layer's weights are laid out in a zip `.keras` file (Keras 3's saving_lib paths). */
export type WeightLayout = 'plain' | 'rnn' | 'bidirectional' | 'wrapper';

/** A Keras layer turned into a tensorseq layer, with what is needed to find and check its weights. */
export interface ConvertedLayer {
  layer: Layer;
  layout: WeightLayout;
  /** Number of weight scalars this layer needs for an input whose last axis is `features`. */
  parameterCount: (features: number) => number;
}

const RECURRENT_ACTIVATIONS = ['tanh', 'sigmoid', 'hard_sigmoid', 'relu', 'linear'] as const;

/** Keras' major version from a `keras_version` string (`'2.2.4-tf'` → 2); unknown → 2 (legacy files). */
export function kerasMajor(version: string): number {
  const major = Number.parseInt(version, 10);
  return Number.isFinite(major) ? major : 2;
}

/**
 * An activation name as tensorseq spells it. Keras 2's `hard_sigmoid` is clip(0.2x + 0.5, 0, 1), which
 * tensorseq implements; Keras 3's is relu6(x + 3) / 6, which it does not, so a Keras 3 file that uses it
 * is refused rather than run with the wrong function.
 */
function activation(reader: ConfigReader, key: string, fallback: string): string {
  const value = reader.raw(key) ?? fallback;
  if (typeof value !== 'string') reader.unsupported(key, value, 'an activation name');
  if (value === 'hard_sigmoid' && kerasMajor(reader.version) >= 3) {
    reader.unsupported(
      key,
      value,
      'Keras 2\'s "hard_sigmoid" (clip(0.2x + 0.5)); Keras 3\'s relu6(x + 3) / 6 is not implemented',
    );
  }
  return value === 'hard_sigmoid' ? 'hardSigmoid' : value;
}

function recurrentActivation(reader: ConfigReader, key: string, fallback: string): RecurrentActivation {
  const value = reader.raw(key) ?? fallback;
  if (!RECURRENT_ACTIVATIONS.includes(value as (typeof RECURRENT_ACTIVATIONS)[number])) {
    reader.unsupported(key, value, RECURRENT_ACTIVATIONS.map((a) => `"${a}"`).join(' or '));
  }
  if (value === 'hard_sigmoid' && kerasMajor(reader.version) >= 3) {
    reader.unsupported(
      key,
      value,
      'Keras 2\'s "hard_sigmoid" (clip(0.2x + 0.5)); Keras 3\'s relu6(x + 3) / 6 is not implemented',
    );
  }
  return value === 'hard_sigmoid' ? 'hardSigmoid' : (value as RecurrentActivation);
}

function plainActivation(reader: ConfigReader): string {
  const name = activation(reader, 'activation', 'linear');
  const known = [
    'linear',
    'relu',
    'sigmoid',
    'hardSigmoid',
    'tanh',
    'softmax',
    'elu',
    'selu',
    'softplus',
    'softsign',
    'swish',
    'silu',
  ];
  if (!known.includes(name)) reader.unsupported('activation', name, known.map((k) => `"${k}"`).join(', '));
  return name;
}

function checkChannelsLast(reader: ConfigReader): void {
  reader.expect('data_format', ['channels_last']);
}

/**
 * Builds the tensorseq layer for one Keras layer config (any supported Keras version), reading every
 * option that changes results and refusing the ones tensorseq does not implement.
 *
 * @example
 * fromKeras({ className: 'Dense', config: { name: 'd', units: 1 } }, '2.15.0').layer // → Dense
 */
export function fromKeras(spec: KerasLayerSpec, version: string): ConvertedLayer {
  const r = new ConfigReader(spec.className, spec.config, version);
  const name = r.layerName;
  let converted: ConvertedLayer;
  switch (spec.className) {
    case 'Dense': {
      const units = r.positiveInt('units');
      const useBias = r.bool('use_bias', true);
      r.expect('lora_rank', [null]);
      r.expect('quantization_config', [null]);
      converted = {
        layer: new Dense({ name, units, activation: plainActivation(r), useBias }),
        layout: 'plain',
        parameterCount: (f) => f * units + (useBias ? units : 0),
      };
      break;
    }
    case 'Embedding': {
      const inputDim = r.positiveInt('input_dim');
      const outputDim = r.positiveInt('output_dim');
      const maskZero = r.bool('mask_zero', false);
      r.expect('sparse', [false]);
      r.expect('lora_rank', [null]);
      r.expect('quantization_config', [null]);
      converted = {
        layer: new Embedding({ name, inputDim, outputDim, maskZero }),
        layout: 'plain',
        parameterCount: () => inputDim * outputDim,
      };
      break;
    }
    case 'Flatten':
      checkChannelsLast(r);
      converted = { layer: new Flatten({ name }), layout: 'plain', parameterCount: () => 0 };
      break;
    case 'Dropout': {
      const rate = r.rate('rate');
      r.expect('noise_shape', [null]);
      converted = { layer: new Dropout({ name, rate }), layout: 'plain', parameterCount: () => 0 };
      break;
    }
    case 'Activation':
      converted = {
        layer: new Activation({ name, activation: plainActivation(r) }),
        layout: 'plain',
        parameterCount: () => 0,
      };
      break;
    case 'Conv1D': {
      const filters = r.positiveInt('filters');
      const kernelSize = r.positiveInt1('kernel_size');
      const strides = r.positiveInt1('strides', 1);
      const dilationRate = r.positiveInt1('dilation_rate', 1);
      const padding = r.oneOf('padding', ['valid', 'same', 'causal'] as const, 'valid');
      const useBias = r.bool('use_bias', true);
      checkChannelsLast(r);
      r.expect('groups', [1]);
      r.expect('lora_rank', [null]);
      converted = {
        layer: new Conv1D({
          name,
          filters,
          kernelSize,
          strides,
          dilationRate,
          padding,
          activation: plainActivation(r),
          useBias,
        }),
        layout: 'plain',
        parameterCount: (f) => kernelSize * f * filters + (useBias ? filters : 0),
      };
      break;
    }
    case 'MaxPooling1D':
    case 'AveragePooling1D': {
      const poolSize = r.positiveInt1('pool_size', 2);
      const rawStrides = r.raw('strides');
      const strides = rawStrides === null || rawStrides === undefined ? poolSize : r.positiveInt1('strides');
      const padding = r.oneOf('padding', ['valid', 'same'] as const, 'valid');
      checkChannelsLast(r);
      const Pool = spec.className === 'MaxPooling1D' ? MaxPooling1D : AveragePooling1D;
      converted = {
        layer: new Pool({ name, poolSize, strides, padding }),
        layout: 'plain',
        parameterCount: () => 0,
      };
      break;
    }
    case 'GlobalMaxPooling1D':
    case 'GlobalAveragePooling1D': {
      const keepdims = r.bool('keepdims', false);
      checkChannelsLast(r);
      const Pool = spec.className === 'GlobalMaxPooling1D' ? GlobalMaxPooling1D : GlobalAveragePooling1D;
      converted = { layer: new Pool({ name, keepdims }), layout: 'plain', parameterCount: () => 0 };
      break;
    }
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      converted = recurrent(r, spec.className);
      break;
    case 'Bidirectional': {
      const inner = toLayerSpec(r.raw('layer') ?? null, version);
      if (!['SimpleRNN', 'LSTM', 'GRU'].includes(inner.className)) {
        r.unsupported('layer', inner.className, 'a SimpleRNN, LSTM or GRU');
      }
      const innerReader = new ConfigReader(inner.className, inner.config, version);
      const forward = recurrent(innerReader, inner.className);
      innerReader.finish();
      const mergeMode = r.oneOf(
        'merge_mode',
        ['concat', 'sum', 'mul', 'ave'] as const,
        'concat',
      ) as MergeMode;
      checkBackwardLayer(r, inner.config, version);
      converted = {
        layer: new Bidirectional(forward.layer as RNN, { name, mergeMode }),
        layout: 'bidirectional',
        parameterCount: (f) => 2 * forward.parameterCount(f),
      };
      break;
    }
    case 'TimeDistributed': {
      const inner = toLayerSpec(r.raw('layer') ?? null, version);
      if (!['Dense', 'Activation', 'Dropout'].includes(inner.className)) {
        r.unsupported('layer', inner.className, 'a Dense, Activation or Dropout');
      }
      const wrapped = fromKeras(inner, version);
      converted = {
        layer: new TimeDistributed(wrapped.layer, { name }),
        layout: 'wrapper',
        parameterCount: wrapped.parameterCount,
      };
      break;
    }
    case 'Lambda':
      throw new KerasIoError(
        'unsupported',
        `loadKerasModel: Lambda layers are refused: they hold Python code, which is never run. Received: Lambda layer "${name}" (Keras ${version}). To fix this, replace the Lambda with a built-in layer in Keras and save again.`,
      );
    default:
      throw new KerasIoError(
        'unsupported',
        `loadKerasModel: layer class must be one tensorseq implements (Dense, Embedding, Flatten, Dropout, Activation, Conv1D, MaxPooling1D, AveragePooling1D, GlobalMaxPooling1D, GlobalAveragePooling1D, SimpleRNN, LSTM, GRU, Bidirectional, TimeDistributed). Received: ${spec.className} layer "${name}" (Keras ${version}).`,
      );
  }
  r.finish();
  return converted;
}

function recurrent(r: ConfigReader, className: string): ConvertedLayer {
  const name = r.layerName;
  const units = r.positiveInt('units');
  const useBias = r.bool('use_bias', true);
  const returnSequences = r.bool('return_sequences', false);
  const goBackwards = r.bool('go_backwards', false);
  const stateful = r.bool('stateful', false);
  const dropout = r.rate('dropout');
  const recurrentDropout = r.rate('recurrent_dropout');
  r.expect('return_state', [false]);
  r.expect('time_major', [false]);
  r.expect('use_cudnn', ['auto', true, false]);
  const zeroOutputForMask = r.bool('zero_output_for_mask', false);
  if (zeroOutputForMask && returnSequences)
    r.unsupported('zero_output_for_mask', true, 'false with return_sequences');
  const base = {
    name,
    units,
    useBias,
    returnSequences,
    goBackwards,
    stateful,
    dropout,
    recurrentDropout,
    activation: recurrentActivation(r, 'activation', 'tanh'),
  };
  if (className === 'SimpleRNN') {
    return {
      layer: new SimpleRNN(base),
      layout: 'rnn',
      parameterCount: (f) => f * units + units * units + (useBias ? units : 0),
    };
  }
  const gate = recurrentActivation(r, 'recurrent_activation', 'sigmoid');
  if (className === 'LSTM') {
    const unitForgetBias = r.bool('unit_forget_bias', true);
    return {
      layer: new LSTM({ ...base, recurrentActivation: gate, unitForgetBias }),
      layout: 'rnn',
      parameterCount: (f) => 4 * (f * units + units * units + (useBias ? units : 0)),
    };
  }
  // Keras <= 2.2 wrote no reset_after: those GRUs are reset_after=False with a [3u] bias.
  const resetAfter = r.bool('reset_after', false);
  return {
    layer: new GRU({ ...base, recurrentActivation: gate, resetAfter }),
    layout: 'rnn',
    parameterCount: (f) => 3 * (f * units + units * units) + (useBias ? (resetAfter ? 6 : 3) * units : 0),
  };
}

/** Keras 2.3+ may store the backward layer's config; tensorseq builds it as the forward one reversed. */
function checkBackwardLayer(r: ConfigReader, forward: Record<string, Json>, version: string): void {
  const backward = r.raw('backward_layer');
  if (backward === undefined || backward === null) return;
  const spec = toLayerSpec(backward, version);
  const same = (key: string) =>
    JSON.stringify(own(spec.config, key) ?? null) === JSON.stringify(own(forward, key) ?? null);
  const keys = ['units', 'activation', 'recurrent_activation', 'use_bias', 'return_sequences', 'reset_after'];
  const goBackwards = own(spec.config, 'go_backwards') === !(own(forward, 'go_backwards') ?? false);
  if (!isObject(spec.config) || !goBackwards || !keys.every(same)) {
    r.unsupported('backward_layer', spec.className, 'the forward layer run backwards');
  }
}
