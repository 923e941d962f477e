// Node resolve hook: tfjs-core 4.22's ESM files (dist/*.js) use extensionless relative imports
// ('./gradients/Abs_grad'), which Node's ESM resolver rejects, and './gradients' exists both as a file
// and as a folder. Deep imports such as '@tensorflow/tfjs-core/dist/register_all_gradients' (needed for
// tf.grad and optimizers without the @tensorflow/tfjs umbrella) therefore fail under plain `node`.
// This hook retries such specifiers with '.js' appended. Registered by bench files with
// `register('../src/tfjs-esm-resolve.mjs', import.meta.url)` before importing tfjs.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export async function resolve(specifier, context, next) {
  const parent = context.parentURL ?? '';
  const fromTfjs = parent.includes('/@tensorflow/');
  const candidate = specifier.startsWith('.') && fromTfjs && !specifier.endsWith('.js');
  const deep = /^@tensorflow\/tfjs-core\/dist\/.+/.test(specifier) && !specifier.endsWith('.js');
  if (candidate || deep) {
    const url = candidate ? new URL(`${specifier}.js`, parent) : null;
    if (url && existsSync(fileURLToPath(url)) && statSync(fileURLToPath(url)).isFile()) {
      return next(url.href, context);
    }
    if (deep) return next(`${specifier}.js`, context);
  }
  return next(specifier, context);
}
