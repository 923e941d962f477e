#!/usr/bin/env node
// Generates src/vendor/register-all-gradients.js: tfjs-core 4.22's `register_all_gradients` as one ESM
// file that imports only the public '@tensorflow/tfjs-core' entry.
//
// Why: @tensorflow/tfjs-core's Node entry (dist/tf-core.node.js) registers no gradients, and its
// dist/register_all_gradients.js is ESM with extension-less imports inside a CommonJS package, which
// Node cannot load. The gradient files are bundled here; every tfjs-core internal they import is
// redirected to the same name on the public API (a shim module per internal path), except the few
// backprop ops that are not public, which are bundled too.
//
// Run: node packages/layers-core/scripts/vendor-gradients.mjs (after bumping tfjs-core).
// With arguments `<entry inside tfjs-core/dist> <output file>` it bundles another registration module the
// same way (the bench uses it for public/chained_ops/register_all_chained_ops, which tfjs-layers needs).
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkgRoot = join(here, '..');
const require = createRequire(join(pkgRoot, 'package.json'));
const coreDist = dirname(require.resolve('@tensorflow/tfjs-core/dist/register_all_gradients.js'));
const esbuild = createRequire(require.resolve('tsup'))('esbuild');
const tf = require('@tensorflow/tfjs-core');

// Non-public ops that some gradients call: bundled from the ESM dist.
const bundledOps = new Set([
  'avg_pool_grad',
  'avg_pool_3d_grad',
  'conv2d_backprop_filter',
  'conv2d_backprop_input',
  'conv3d_backprop_filter',
  'conv3d_backprop_input',
  'depthwise_conv2d_native_backprop_filter',
  'depthwise_conv2d_native_backprop_input',
  'local_response_normalization_backprop',
  'max_pool_grad',
  'max_pool_3d_grad',
  'min_max_grad_util',
]);

function namesOf(obj) {
  return Object.keys(obj).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k));
}

// Contents of the shim standing for one tfjs-core internal module.
function shimFor(rel) {
  const base = rel.split('/').pop();
  const lines = [`import * as tf from '@tensorflow/tfjs-core';`];
  if (base === 'engine') lines.push('export const ENGINE = tf.engine();');
  else if (base === 'tensor')
    lines.push('export const Tensor = tf.Tensor;', 'export const getGlobalTensorClass = () => tf.Tensor;');
  else if (base === 'util') lines.push(`export const { ${namesOf(tf.util).join(', ')} } = tf.util;`);
  else if (base === 'tensor_util_env') {
    lines.push(
      'export function convertToTensor(x, argName, functionName, dtype) {',
      '  return x instanceof tf.Tensor ? x : tf.tensor(x, undefined, dtype);',
      '}',
    );
  } else if (base === 'base') lines.push('export const backend_util = tf.backend_util;');
  else if (base === 'slice_util')
    lines.push(`export const { ${namesOf(tf.slice_util).join(', ')} } = tf.slice_util;`);
  else if (['axis_util', 'broadcast_util', 'conv_util', 'selu_util'].includes(base)) {
    lines.push(`export const { ${namesOf(tf.backend_util).join(', ')} } = tf.backend_util;`);
  } else lines.push("export * from '@tensorflow/tfjs-core';");
  return lines.join('\n');
}

const redirect = {
  name: 'tfjs-core-public-api',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = join(args.resolveDir, args.path);
      const rel = relative(coreDist, target);
      const base = rel.split('/').pop();
      if (
        rel.startsWith('gradients/') ||
        rel.startsWith('public/') ||
        rel === entryName ||
        bundledOps.has(base)
      ) {
        return { path: `${target}.js` };
      }
      return { path: rel, namespace: 'tfjs-shim' };
    });
    build.onLoad({ filter: /.*/, namespace: 'tfjs-shim' }, (args) => ({
      contents: shimFor(args.path),
      resolveDir: pkgRoot,
      loader: 'js',
    }));
  },
};

const [entryArg, outArg] = process.argv.slice(2);
const entryName = entryArg ?? 'register_all_gradients';
const result = await esbuild.build({
  entryPoints: [join(coreDist, `${entryName}.js`)],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['@tensorflow/tfjs-core'],
  plugins: [redirect],
  write: false,
  legalComments: 'none',
});
// The gradient bundle registers nothing on import: its registration loop becomes `registerAllGradients()`,
// which layers-core calls the first time a layer or model is built, so an import that builds no model
// (`import { setGlobalSeed }`) tree-shakes the whole file away. Other entries keep registering on import.
const lazy = entryName === 'register_all_gradients';
const loop =
  /for \(const gradientConfig of gradConfigs\) \{\n(\s*\(0, kernel_registry_exports\.registerGradient\)\(gradientConfig\);)\n\}\n/;
let text = result.outputFiles[0].text;
if (lazy) {
  if (!loop.test(text))
    throw new Error('vendor-gradients: the registration loop was not found; update the pattern.');
  // Everything but the imports moves inside registerAllGradients(): esbuild's namespace helpers
  // (`__reExport(...)`) are top-level calls a consumer's bundler could not drop otherwise.
  const lines = text.split('\n');
  const imports = lines.filter((l) => /^import .* from "@tensorflow\/tfjs-core";$/.test(l));
  const body = lines.filter((l) => !/^import .* from "@tensorflow\/tfjs-core";$/.test(l));
  text = [
    ...imports,
    '/** Registers every tfjs-core gradient (layers-core calls it once, through registerGradients()). */',
    'export function registerAllGradients() {',
    ...body,
    '}',
    '',
  ].join('\n');
}
const header = `// @ts-nocheck\n// Generated by packages/layers-core/scripts/vendor-gradients.mjs from @tensorflow/tfjs-core 4.22.0 (Apache-2.0),\n// dist/${entryName}.js. ${lazy ? 'Registers when registerAllGradients() is called' : 'Registers on import'}. Do not edit; regenerate.\n`;
const { writeFileSync } = await import('node:fs');
const out = outArg ?? join(pkgRoot, 'src', 'vendor', 'register-all-gradients.js');
writeFileSync(out, header + text);
console.log(`wrote ${relative(process.cwd(), out)} (${text.length} bytes)`);
