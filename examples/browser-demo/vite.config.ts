import { defineConfig } from 'vite';

// The page imports tfjs-backend-wasm's three .wasm files with `?url`, so Vite serves them in dev and
// copies them (hashed) into dist/ on build; nothing else needs configuring.
export default defineConfig({
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 2048 },
  optimizeDeps: { esbuildOptions: { target: 'es2022' } },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
