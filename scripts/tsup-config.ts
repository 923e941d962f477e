import { defineConfig, type Options } from 'tsup';

/**
 * The one tsup configuration every public package builds with: ESM + CJS + .d.ts, Node 20 / ES2022.
 * A package's own tsup.config.ts is `export default libraryConfig({ entry: ['src/index.ts'] })`.
 */
export function libraryConfig(options: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    splitting: false,
    treeshake: true,
    ...options,
  });
}
