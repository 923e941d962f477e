// The main entry's exports, with the useBackend that finds the .wasm files and runs threads in Node.
export * from './index';
export { useBackend } from './node/use-backend';
export { nodeWasmDir } from './node/wasm-paths';
