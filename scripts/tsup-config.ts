import { defineConfig, type Options } from 'tsup';

/**
 * The one tsup configuration every public package builds with: ESM + CJS + .d.ts, Node 20 / ES2022.
 * A package's own tsup.config.ts is `export default libraryConfig({ entry: ['src/index.ts'] })`.
 *
 * Source maps point at the published `src/` instead of embedding it (`sourcesContent: false`), so no
 * source ships twice: the kernels' 55 KB WebAssembly module (base64 in a generated .ts) used to ship in
 * the ESM and CJS bundles, in both maps and in `src/`.
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
    esbuildOptions(esbuild) {
      esbuild.sourcesContent = false;
    },
    ...options,
  });
}
