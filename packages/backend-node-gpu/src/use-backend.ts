import * as tf from '@tensorflow/tfjs-core';
import { hostKernelConfigs, registerKernels } from '@tensorseq/backend-cpu';
import { type NodeBackendInfo, setBackendInfo } from './backend-info';
import { loadNodePeer, NODE_PEERS, type PeerImporter } from './load-node-peer';

/** Backends this adapter can select. */
export type NodeBackendName = 'node-gpu' | 'node' | 'auto';

/** Options of {@link useBackend}. */
export interface UseNodeBackendOptions {
  /**
   * How the peer is imported. The default is a dynamic `import()`; tests pass a function that returns a
   * fake module to cover the absent and version-mismatch paths. @defaultValue `(s) => import(s)`
   */
  importPeer?: PeerImporter;
  /** Where `auto` logs its choice (once per process). @defaultValue console.info */
  log?: (line: string) => void;
}

const NAMES: readonly NodeBackendName[] = ['node-gpu', 'node', 'auto'];
let autoLogged = false;

const defaultImport: PeerImporter = (specifier) => import(/* @vite-ignore */ specifier);

/**
 * Selects libtensorflow through an optional peer: `'node-gpu'` loads `@tensorflow/tfjs-node-gpu`
 * (CUDA), `'node'` loads `@tensorflow/tfjs-node` (CPU). It checks that the peer was built on our
 * `@tensorflow/tfjs-core`, selects the `tensorflow` backend, registers tensorseq's fused recurrent
 * kernels for it and reports the GPU in {@link backendInfo}. `'auto'` picks node-gpu (when it loads and
 * sees a GPU), then node, then wasm, then cpu, and logs its choice once.
 *
 * @throws NodeBackendError when the peer is absent, broken or built on another tfjs-core (the message
 * says what to install and how to fall back); RangeError for an unknown name.
 * @example
 * await useBackend('auto'); // → 'tensorflow' with a peer installed, else 'wasm'
 */
export async function useBackend(
  name: NodeBackendName = 'auto',
  options: UseNodeBackendOptions = {},
): Promise<string> {
  if (!NAMES.includes(name)) {
    throw new RangeError(
      `useBackend: name must be "node-gpu", "node" or "auto" in @tensorseq/backend-node-gpu. Received: name="${String(name)}". To fix this, use @tensorseq/backend-wasm or @tensorseq/backend-cpu for those backends.`,
    );
  }
  const importPeer = options.importPeer ?? defaultImport;
  if (name !== 'auto') {
    const info = await startTensorflow(name, importPeer, []);
    setBackendInfo(info);
    return info.backend;
  }
  const reasons: string[] = [];
  let info: NodeBackendInfo | null = null;
  for (const candidate of ['node-gpu', 'node'] as const) {
    try {
      const started = await startTensorflow(candidate, importPeer, reasons);
      if (candidate === 'node-gpu' && !started.gpu) {
        reasons.push(`node-gpu: ${NODE_PEERS[candidate]} loaded but libtensorflow sees no GPU`);
        continue;
      }
      info = started;
      break;
    } catch (error) {
      reasons.push(
        `${candidate}: ${(error as Error).message.split('. Received: ')[1]?.split('. To fix')[0] ?? (error as Error).message}`,
      );
    }
  }
  if (!info) {
    const wasm = await import('@tensorseq/backend-wasm/node');
    const backend = await wasm.useBackend('auto');
    const wasmInfo = wasm.backendInfo();
    reasons.push(...(wasmInfo?.reasons ?? []));
    info = { backend, choice: backend === 'wasm' ? 'wasm' : 'cpu', peer: null, gpu: false, reasons };
  }
  setBackendInfo(info);
  if (!autoLogged) {
    autoLogged = true;
    (options.log ?? console.info)(
      `[tensorseq] useBackend('auto') chose ${info.choice} (tfjs backend "${info.backend}"${info.gpu ? ', GPU' : ''}): ${info.reasons.join('; ')}`,
    );
  }
  return info.backend;
}

async function startTensorflow(
  name: 'node-gpu' | 'node',
  importPeer: PeerImporter,
  reasons: string[],
): Promise<NodeBackendInfo> {
  await loadNodePeer(name, importPeer);
  const ok = await tf.setBackend('tensorflow');
  if (!ok)
    throw new Error(
      `useBackend: the tensorflow backend must initialize. Received: tf.setBackend("tensorflow") returned false.`,
    );
  await tf.ready();
  // The fused recurrent sequences read and write host memory, which libtensorflow's CPU tensors are.
  registerKernels(hostKernelConfigs('tensorflow').filter((c) => c.kernelName.startsWith('Tensorseq')));
  const gpu = (tf.backend() as tf.KernelBackend & { isUsingGpuDevice?: boolean }).isUsingGpuDevice === true;
  return {
    backend: tf.getBackend(),
    choice: name,
    peer: NODE_PEERS[name],
    gpu,
    reasons: [
      ...reasons,
      `${name}: ${NODE_PEERS[name]} loaded; libtensorflow ${gpu ? 'runs on a GPU' : 'runs on the CPU'}`,
    ],
  };
}
