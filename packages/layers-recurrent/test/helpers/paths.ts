import { setKernelsBackend } from '@tensorseq/kernels';

/** A way to run a recurrent layer: the reference loop, or the fused kernel on a kernels backend. */
export interface KernelPath {
  name: 'reference' | 'fused-js' | 'fused-wasm';
  useFusedKernel: boolean;
  kernels?: 'js' | 'wasm';
}

function wasmAvailable(): boolean {
  try {
    setKernelsBackend('wasm');
    return true;
  } catch {
    return false;
  }
}

/** Every path available here (fused-wasm once @tensorseq/kernels ships its WebAssembly build). */
export const KERNEL_PATHS: KernelPath[] = [
  { name: 'reference', useFusedKernel: false },
  { name: 'fused-js', useFusedKernel: true, kernels: 'js' },
  ...(wasmAvailable()
    ? [{ name: 'fused-wasm' as const, useFusedKernel: true, kernels: 'wasm' as const }]
    : []),
];

/** Selects the kernels backend a path needs (call in beforeAll / at the start of a test). */
export function usePath(path: KernelPath): void {
  if (path.kernels) setKernelsBackend(path.kernels);
}
