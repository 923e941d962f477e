export { conv1dGradConfig } from './gradients/conv1d-grad';
export { pool1dGradConfigs } from './gradients/pool1d-grad';
export { rnnSequenceGradConfigs } from './gradients/rnn-sequence-grad';
export { hostKernelConfigs } from './host-kernel-configs';
export { batchMatMulConfigFor } from './kernels/batch-mat-mul';
export { conv1dKernelConfigs } from './kernels/conv1d';
export { conv2dBackpropFilterConfigFor, conv2dBackpropInputConfigFor } from './kernels/conv2d-backprop';
export {
  type ConvGeometry,
  conv2dBackpropFilterImpl,
  conv2dBackpropInputImpl,
} from './kernels/conv2d-backprop-impl';
export { gatherV2ConfigFor } from './kernels/gather-v2';
export { maxPoolGradConfigFor } from './kernels/max-pool-grad';
export { pool1dKernelConfigs } from './kernels/pool1d';
export { rnnSequenceKernelConfigs } from './kernels/rnn-sequence';
export { rnnSequenceGradKernelConfigs } from './kernels/rnn-sequence-grad';
export { unsortedSegmentSumConfig, unsortedSegmentSumConfigFor } from './kernels/unsorted-segment-sum';
export { unsortedSegmentSumImpl } from './kernels/unsorted-segment-sum-impl';
export { cpuKernelConfigs, registerCpuKernels } from './register-cpu-kernels';
export { registerKernels, registerTensorseqGradients } from './register-kernels';
export { type CpuBackendName, type UseBackendOptions, useBackend } from './use-backend';
