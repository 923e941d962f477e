import type * as tf from '@tensorflow/tfjs-core';
import {
  type TapGatherKernelAttrs,
  type TapScatterKernelAttrs,
  type TapShape,
  TensorseqTapGather,
  TensorseqTapScatter,
  tapBiasGrad,
  tapGather,
  tapScatter,
} from '@tensorseq/kernels';
import { type HostBackend, readFloat32, writeFloat32 } from './host-backend';
import { lendOutput, takeOutput } from './recycled-outputs';

function readInt32(host: HostBackend, info: tf.TensorInfo): Int32Array {
  const data = host.readSync(info.dataId) as ArrayLike<number>;
  return data instanceof Int32Array ? data : Int32Array.from(data);
}

/** The kernels package's sizes and ids of a gather over `ids`. */
function tapShape(
  ids: tf.TensorInfo,
  idValues: Int32Array,
  filters: number,
  vocab: number,
  attrs: TapGatherKernelAttrs,
): TapShape {
  const [batch, steps] = ids.shape;
  return { batch, steps, filters, size: attrs.size, vocab, activation: attrs.activation, ids: idValues };
}

/**
 * `TensorseqTapGather` and `TensorseqTapScatter` for a host-memory backend (glue; the math is the kernels
 * package's `tapGather` / `tapScatter`).
 *
 * @param backendName The tfjs backend the configs are for (`'cpu'`, `'wasm'`, `'tensorflow'`).
 * @example
 * tapGatherKernelConfigs('cpu').map((c) => c.kernelName); // → ['TensorseqTapGather', 'TensorseqTapScatter']
 */
export function tapGatherKernelConfigs(backendName: string): tf.KernelConfig[] {
  return [
    {
      kernelName: TensorseqTapGather,
      backendName,
      kernelFunc: ({ inputs, attrs, backend }) => {
        const host = backend as unknown as HostBackend;
        const { table, ids, bias } = inputs as {
          table: tf.TensorInfo;
          ids: tf.TensorInfo;
          bias?: tf.TensorInfo;
        };
        const a = attrs as unknown as TapGatherKernelAttrs;
        const filters = table.shape[1] / a.size;
        const shape = [ids.shape[0], a.outLength, filters];
        const y = tapGather(
          {
            ...tapShape(ids, readInt32(host, ids), filters, table.shape[0], a),
            table: readFloat32(host, table),
            bias: bias ? readFloat32(host, bias) : null,
          },
          { into: takeOutput(host, shape[0] * shape[1] * shape[2]) },
        );
        return lendOutput(host, y, shape);
      },
    },
    {
      kernelName: TensorseqTapScatter,
      backendName,
      kernelFunc: ({ inputs, attrs, backend }) => {
        const host = backend as unknown as HostBackend;
        const { dy, ids, y } = inputs as { dy: tf.TensorInfo; ids: tf.TensorInfo; y: tf.TensorInfo };
        const a = attrs as unknown as TapScatterKernelAttrs;
        const filters = dy.shape[2];
        const dyValues = readFloat32(host, dy);
        const yValues = readFloat32(host, y);
        if (a.part === 'bias') {
          const shape = {
            batch: dy.shape[0],
            steps: ids.shape[1],
            filters,
            size: a.size,
            activation: a.activation,
          };
          return writeFloat32(host, tapBiasGrad(shape, dyValues, yValues), [filters]);
        }
        const g = tapScatter(
          { ...tapShape(ids, readInt32(host, ids), filters, a.vocab, a), hasBias: false },
          dyValues,
          yValues,
          { into: takeOutput(host, a.vocab * a.size * filters) },
        );
        return lendOutput(host, g.dTable, [a.vocab, a.size * filters]);
      },
    },
  ];
}
