import * as tf from '@tensorflow/tfjs-core';
import { NodeBackendError } from './node-backend-error';

/** The peer each name loads. */
export const NODE_PEERS = {
  'node-gpu': '@tensorflow/tfjs-node-gpu',
  node: '@tensorflow/tfjs-node',
} as const;

/** Imports a module by name: `import()` by default; tests inject a fake module here. */
export type PeerImporter = (specifier: string) => Promise<unknown>;

const FALLBACK =
  "or fall back with `await useBackend('wasm')` from @tensorseq/backend-wasm (or 'cpu' from @tensorseq/backend-cpu), or `useBackend('auto')`, which does so by itself";

function installHint(name: keyof typeof NODE_PEERS): string {
  return name === 'node-gpu'
    ? `install it with \`npm install @tensorflow/tfjs-node-gpu@${tf.version_core}\` (its install step downloads libtensorflow; it needs an NVIDIA GPU with CUDA 11.2 and cuDNN 8.1 on Linux x86-64), ${FALLBACK}`
    : `install it with \`npm install @tensorflow/tfjs-node@${tf.version_core}\` (its install step downloads libtensorflow), ${FALLBACK}`;
}

/**
 * Loads the peer for `name`, checks that it was built for this copy of `@tensorflow/tfjs-core` and that
 * it registered the `tensorflow` backend with it. Every failure is one {@link NodeBackendError} that
 * says what to install and how to fall back.
 *
 * @example
 * await loadNodePeer('node', (s) => import(s)); // → the tfjs-node module
 */
export async function loadNodePeer(
  name: keyof typeof NODE_PEERS,
  importPeer: PeerImporter,
): Promise<unknown> {
  const specifier = NODE_PEERS[name];
  let peer: unknown;
  try {
    peer = await importPeer(specifier);
  } catch (error) {
    const why = (error as Error)?.message?.split('\n')[0] ?? String(error);
    throw new NodeBackendError(
      'PEER_MISSING',
      `useBackend: ${specifier} must be installed and loadable to use the "${name}" backend. Received: ${why}. To fix this, ${installHint(name)}.`,
      { cause: error },
    );
  }
  const versions = (peer as { version?: Record<string, string> } | null)?.version;
  const peerCore = versions?.['tfjs-core'];
  if (peerCore !== undefined && peerCore !== tf.version_core) {
    throw new NodeBackendError(
      'VERSION_MISMATCH',
      `useBackend: ${specifier} must be built on @tensorflow/tfjs-core ${tf.version_core}, the version tensorseq uses. Received: tfjs-core ${peerCore}. To fix this, ${installHint(name).replace('install it', `install matching versions`)}.`,
    );
  }
  if (!tf.findBackendFactory('tensorflow')) {
    throw new NodeBackendError(
      'NOT_REGISTERED',
      `useBackend: ${specifier} must register the "tensorflow" backend with this copy of @tensorflow/tfjs-core. Received: no "tensorflow" backend (two copies of tfjs-core are installed). To fix this, deduplicate @tensorflow/tfjs-core (e.g. \`npm dedupe\`), ${FALLBACK}.`,
    );
  }
  return peer;
}
