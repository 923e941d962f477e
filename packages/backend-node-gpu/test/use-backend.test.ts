import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { backendInfo, NodeBackendError, useBackend } from '../src/index';

const absent = async (specifier: string): Promise<never> => {
  const error = new Error(`Cannot find package '${specifier}' imported from /app/index.js`);
  throw Object.assign(error, { code: 'ERR_MODULE_NOT_FOUND' });
};

describe('useBackend (node-gpu adapter)', () => {
  it('says what to install, with the CUDA and cuDNN versions, and how to fall back when tfjs-node-gpu is absent', async () => {
    const error = await useBackend('node-gpu', { importPeer: absent }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeBackendError);
    expect((error as NodeBackendError).code).toBe('PEER_MISSING');
    expect((error as Error).message).toBe(
      `useBackend: @tensorflow/tfjs-node-gpu must be installed and loadable to use the "node-gpu" backend. Received: Cannot find package '@tensorflow/tfjs-node-gpu' imported from /app/index.js. To fix this, install it with \`npm install @tensorflow/tfjs-node-gpu@${tf.version_core}\` (its install step downloads libtensorflow; it needs an NVIDIA GPU with CUDA 11.2 and cuDNN 8.1 on Linux x86-64), or fall back with \`await useBackend('wasm')\` from @tensorseq/backend-wasm (or 'cpu' from @tensorseq/backend-cpu), or \`useBackend('auto')\`, which does so by itself.`,
    );
  });

  it('gives the same kind of error for tfjs-node under "node"', async () => {
    await expect(useBackend('node', { importPeer: absent })).rejects.toThrow(
      /^useBackend: @tensorflow\/tfjs-node must be installed and loadable to use the "node" backend\. Received: Cannot find package/,
    );
  });

  it('refuses a peer built on another tfjs-core', async () => {
    const fake = async () => ({ version: { 'tfjs-core': '3.21.0', 'tfjs-node': '3.21.0' } });
    const error = (await useBackend('node', { importPeer: fake }).catch(
      (e: unknown) => e,
    )) as NodeBackendError;
    expect(error.code).toBe('VERSION_MISMATCH');
    expect(error.message).toBe(
      `useBackend: @tensorflow/tfjs-node must be built on @tensorflow/tfjs-core ${tf.version_core}, the version tensorseq uses. Received: tfjs-core 3.21.0. To fix this, install matching versions with \`npm install @tensorflow/tfjs-node@${tf.version_core}\` (its install step downloads libtensorflow), or fall back with \`await useBackend('wasm')\` from @tensorseq/backend-wasm (or 'cpu' from @tensorseq/backend-cpu), or \`useBackend('auto')\`, which does so by itself.`,
    );
  });

  it('refuses a matching peer that registered its backend with another copy of tfjs-core', async () => {
    const fake = async () => ({ version: { 'tfjs-core': tf.version_core } });
    const error = (await useBackend('node-gpu', { importPeer: fake }).catch(
      (e: unknown) => e,
    )) as NodeBackendError;
    expect(error.code).toBe('NOT_REGISTERED');
  });

  it('auto falls back to wasm without the peers and logs its choice once', async () => {
    const lines: string[] = [];
    const before = tf.getBackend();
    expect(await useBackend('auto', { importPeer: absent, log: (l) => lines.push(l) })).toBe('wasm');
    await useBackend('auto', { importPeer: absent, log: (l) => lines.push(l) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[tensorseq\] useBackend\('auto'\) chose wasm \(tfjs backend "wasm"\): node-gpu: Cannot find package '@tensorflow\/tfjs-node-gpu'.*; node: Cannot find package '@tensorflow\/tfjs-node'.*; SIMD: /,
    );
    expect(backendInfo()).toMatchObject({ backend: 'wasm', choice: 'wasm', peer: null, gpu: false });
    await tf.setBackend(before);
  });

  it('rejects unknown names', async () => {
    await expect(useBackend('webgl' as 'node')).rejects.toThrow(
      'useBackend: name must be "node-gpu", "node" or "auto" in @tensorseq/backend-node-gpu. Received: name="webgl".',
    );
  });
});
