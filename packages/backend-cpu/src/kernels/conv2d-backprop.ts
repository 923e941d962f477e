import * as tf from '@tensorflow/tfjs-core';
import { type ConvGeometry, conv2dBackpropFilterImpl, conv2dBackpropInputImpl } from './conv2d-backprop-impl';
import { type HostBackend, writeFloat32 } from './host-backend';

interface ConvAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  dilations?: number | [number, number];
}

function geometry(owner: string, xShape: number[], filterShape: number[], attrs: ConvAttrs): ConvGeometry {
  if (attrs.dataFormat === 'NCHW') {
    throw new RangeError(`${owner}: dataFormat must be "NHWC". Received: dataFormat="NCHW".`);
  }
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
  return {
    batchSize: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

/**
 * `Conv2DBackpropFilter` (the filter gradient of `tf.conv2d` and `tf.conv1d`) for a host-memory backend
 * that lacks it (tfjs-backend-wasm 4.22). NHWC, no dilation, as tfjs' conv gradients require.
 *
 * @param backendName The tfjs backend the config is for.
 * @example
 * tf.registerKernel(conv2dBackpropFilterConfigFor('wasm'));
 */
export function conv2dBackpropFilterConfigFor(backendName: string): tf.KernelConfig {
  return {
    kernelName: 'Conv2DBackpropFilter',
    backendName,
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
      const { filterShape, ...conv } = attrs as unknown as ConvAttrs & { filterShape: number[] };
      const host = backend as unknown as HostBackend;
      const g = geometry('Conv2DBackpropFilter', x.shape, filterShape, conv);
      const dW = conv2dBackpropFilterImpl(
        host.readSync(x.dataId) as ArrayLike<number>,
        host.readSync(dy.dataId) as ArrayLike<number>,
        g,
      );
      return writeFloat32(host, dW, [...filterShape]);
    },
  };
}

/**
 * `Conv2DBackpropInput` (the input gradient of `tf.conv2d` and `tf.conv1d`) for a host-memory backend
 * that lacks it. NHWC, no dilation.
 *
 * @param backendName The tfjs backend the config is for.
 * @example
 * tf.registerKernel(conv2dBackpropInputConfigFor('wasm'));
 */
export function conv2dBackpropInputConfigFor(backendName: string): tf.KernelConfig {
  return {
    kernelName: 'Conv2DBackpropInput',
    backendName,
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
      const { inputShape, ...conv } = attrs as unknown as ConvAttrs & { inputShape: number[] };
      const host = backend as unknown as HostBackend;
      const g = geometry('Conv2DBackpropInput', inputShape, filter.shape, conv);
      const dx = conv2dBackpropInputImpl(
        host.readSync(dy.dataId) as ArrayLike<number>,
        host.readSync(filter.dataId) as ArrayLike<number>,
        g,
      );
      return writeFloat32(host, dx, [...inputShape]);
    },
  };
}
