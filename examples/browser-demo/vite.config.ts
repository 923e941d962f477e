import { defineConfig } from 'vite';

// The page imports tfjs-backend-wasm's three .wasm files with `?url`, so Vite serves them in dev and
// copies them (hashed) into dist/ on build. Dev and preview serve the page cross-origin isolated
// (COOP + COEP), which lets tensorseq's kernels run on Web Workers over shared memory; a deployment of
// dist/ needs the same two headers for threads (without them the kernels run on one thread).
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 2048 },
  optimizeDeps: { esbuildOptions: { target: 'es2022' } },
  preview: { host: '127.0.0.1', headers: crossOriginIsolation },
  server: { host: '127.0.0.1', headers: crossOriginIsolation },
});
