export { unsortedSegmentSumConfig } from './kernels/unsorted-segment-sum';
export { unsortedSegmentSumImpl } from './kernels/unsorted-segment-sum-impl';
export { cpuKernelConfigs, registerCpuKernels } from './register-cpu-kernels';
export { type CpuBackendName, type UseBackendOptions, useBackend } from './use-backend';
