/**
 * The folder holding tfjs-backend-wasm's `.wasm` files in Node (`…/tfjs-backend-wasm/dist/`), found
 * through Node's module resolution so no configuration is needed; null outside Node (a browser bundle:
 * serve the files and pass `wasmPaths`, see the README). `node:module` is imported lazily, so browser
 * bundles never load it.
 *
 * @example
 * await nodeWasmDir(); // → '/…/node_modules/@tensorflow/tfjs-backend-wasm/dist/'
 */
export async function nodeWasmDir(): Promise<string | null> {
  if (typeof process === 'undefined' || !process.versions?.node) return null;
  try {
    const { createRequire } = await import('node:module');
    const { dirname, join, sep } = await import('node:path');
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
    return join(dirname(pkg), 'dist') + sep;
  } catch {
    return null;
  }
}
