export { backendInfo, type WasmBackendInfo } from './backend-info';
export { registerWasmKernels, wasmKernelConfigs } from './register-wasm-kernels';
export { type UseWasmBackendOptions, useBackend, type WasmBackendName } from './use-backend';
export { nodeWasmDir } from './wasm-paths';
