import type { H5Dataset, H5Group } from './h5';
import { KerasIoError } from './keras-io-error';
import type { WeightLayout } from './layer-from-keras';

/** Where one layer's weight datasets are in a file, in the layer's weight order. */
export interface WeightSource {
  /** The datasets of the layer at `index` (Keras layer `name`, class `className`). */
  datasets(index: number, name: string, className: string, layout: WeightLayout): H5Dataset[];
}

/** Text of an HDF5 string attribute or string-array attribute, decoded. */
export function stringAttribute(group: H5Group, key: string): string[] | null {
  const attrs = group.attrs as Record<string, { value: unknown } | undefined>;
  if (!Object.hasOwn(attrs, key)) return null;
  const value = attrs[key]?.value;
  const list = Array.isArray(value) ? value : [value];
  if (list.every((v) => typeof v === 'string')) return list as string[];
  if (list.every((v) => v instanceof Uint8Array))
    return list.map((v) => new TextDecoder().decode(v as Uint8Array));
  // An empty list is written by h5py as an empty float array.
  if (ArrayBuffer.isView(value) && (value as unknown as { length: number }).length === 0) return [];
  return null;
}

function childGroup(group: H5Group, path: string): H5Group | null {
  const child = group.get(path);
  return child && (child as { type?: string }).type === 'Group' ? (child as H5Group) : null;
}

function childDataset(group: H5Group, path: string): H5Dataset | null {
  const child = group.get(path);
  return child && (child as { type?: string }).type === 'Dataset' ? (child as H5Dataset) : null;
}

/**
 * The legacy HDF5 layout (Keras 2's `save` / `save_weights` to `.h5`): a group per layer, named after
 * the layer, whose `weight_names` attribute lists its datasets in weight order.
 *
 * @example
 * legacyWeightSource(file.get('model_weights'), '2.2.4').datasets(0, 'lstm_1', 'LSTM', 'rnn') // → 3 datasets
 */
export function legacyWeightSource(root: H5Group, version: string, owner: string): WeightSource {
  return {
    datasets(_index, name) {
      const group = childGroup(root, name);
      if (!group) {
        throw new KerasIoError(
          'weight-mismatch',
          `${owner}: the weights must have a group for every layer with weights. Received: no group "${name}" (Keras ${version}).`,
        );
      }
      const names = stringAttribute(group, 'weight_names') ?? [];
      return names.map((weightName) => {
        const dataset = childDataset(group, weightName);
        if (!dataset) {
          throw new KerasIoError(
            'weight-mismatch',
            `${owner}: weight_names must name datasets of the layer's group. Received: "${weightName}" missing from group "${name}" (Keras ${version}).`,
          );
        }
        return dataset;
      });
    },
  };
}

/** Keras' `to_snake_case`, as saving_lib uses it for weight paths (`Conv1D` → `conv1d`, `SimpleRNN` → `simple_rnn`). */
export function toSnakeCase(className: string): string {
  return className
    .replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * The Keras 3 / Keras >= 2.13 `model.weights.h5` layout: `layers/<snake_case class>[_N]/...vars/<i>`,
 * numbered per class name in the order of the model's layers (saving_lib's `_get_unique_name`), with
 * `cell/` for recurrent layers, `forward_layer/` and `backward_layer/` for Bidirectional, `layer/` for
 * TimeDistributed.
 *
 * @example
 * zipWeightSource(file, ['InputLayer', 'GRU', 'Dense'], '3.12.0').datasets(1, 'gru_13', 'GRU', 'rnn') // → layers/gru/cell/vars/0..2
 */
export function zipWeightSource(
  root: H5Group,
  classNames: string[],
  version: string,
  owner: string,
): WeightSource {
  const used = new Map<string, number>();
  const paths = classNames.map((className) => {
    const base = toSnakeCase(className);
    const n = used.get(base);
    used.set(base, n === undefined ? 0 : n + 1);
    return `layers/${n === undefined ? base : `${base}_${n + 1}`}`;
  });
  return {
    datasets(index, name, _className, layout) {
      const prefix = paths[index];
      const varGroups =
        layout === 'rnn'
          ? [`${prefix}/cell/vars`]
          : layout === 'bidirectional'
            ? [`${prefix}/forward_layer/cell/vars`, `${prefix}/backward_layer/cell/vars`]
            : layout === 'wrapper'
              ? [`${prefix}/layer/vars`]
              : [`${prefix}/vars`];
      return varGroups.flatMap((path) => {
        const group = childGroup(root, path);
        if (!group) {
          throw new KerasIoError(
            'weight-mismatch',
            `${owner}: model.weights.h5 must have the group "${path}" for layer "${name}". Received: no such group (Keras ${version}).`,
          );
        }
        const keys = group.keys();
        return keys.map((_, i) => {
          const dataset = childDataset(group, String(i));
          if (!dataset) {
            throw new KerasIoError(
              'weight-mismatch',
              `${owner}: the datasets of "${path}" must be numbered 0..${keys.length - 1}. Received: ${keys.join(', ')} (Keras ${version}).`,
            );
          }
          return dataset;
        });
      });
    },
  };
}
