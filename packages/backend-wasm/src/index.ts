export { backendInfo, type WasmBackendInfo } from './backend-info';
export { registerWasmKernels, wasmKernelConfigs } from './register-wasm-kernels';
export { useBackend } from './use-backend';
export type { UseWasmBackendOptions, WasmBackendName } from './use-wasm-backend-options';
