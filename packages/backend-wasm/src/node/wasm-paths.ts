import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

/**
 * The folder holding tfjs-backend-wasm's `.wasm` files in Node (`…/tfjs-backend-wasm/dist/`), found
 * through Node's module resolution so no configuration is needed; null when it cannot be resolved.
 *
 * @example
 * await nodeWasmDir(); // → '/…/node_modules/@tensorflow/tfjs-backend-wasm/dist/'
 */
export async function nodeWasmDir(): Promise<string | null> {
  try {
    const pkg = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json');
    return join(dirname(pkg), 'dist') + sep;
  } catch {
    return null;
  }
}
