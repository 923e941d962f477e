// The public packages release:verify publishes: every packages/* whose package.json is not private.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_CONDITION = '@tensorseq/source';

/**
 * Lists the public packages under `<root>/packages`, sorted by name.
 *
 * @example
 * publicPackages(process.cwd()); // [{ name: '@tensorseq/text-vectorize', version: '0.0.0', dir, manifest }]
 */
export function publicPackages(root) {
  const group = join(root, 'packages');
  if (!existsSync(group)) return [];
  return readdirSync(group)
    .map((entry) => join(group, entry))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, version: manifest.version, dir, manifest }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Why a package must not be published to the throwaway registry, or `null` when it may be.
 *
 * @example
 * publishBlocker({ name: '@tensorseq/x', version: '0.0.0', manifest: {} }); // null
 */
export function publishBlocker({ name, version, manifest }) {
  if (!name?.startsWith('@tensorseq/')) {
    return `release:verify: name must be in the @tensorseq scope. Received: name=${name}.`;
  }
  if (!version) return `release:verify: version must be set. Received: version=${version}.`;
  // A publishConfig.registry could send the package to a real registry instead of the throwaway one.
  if (manifest.publishConfig?.registry) {
    return `release:verify: publishConfig.registry must be unset. Received: publishConfig.registry=${manifest.publishConfig.registry}.`;
  }
  return null;
}

/**
 * Whether the build output is missing or older than the sources (then the package needs `pnpm build`).
 *
 * @example
 * if (needsBuild(pkg)) await exec('pnpm', ['build']);
 */
export function needsBuild({ dir, manifest }) {
  const outputs = buildOutputs(manifest).map((file) => join(dir, file));
  if (outputs.length === 0 || !outputs.every((file) => existsSync(file))) return true;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return newestMtime(join(dir, 'src')) > oldestOutput;
}

/** Files the manifest points at for consumers (exports targets except the in-repo source condition, main, module, types). */
function buildOutputs(manifest) {
  const targets = new Set();
  const visit = (node, key) => {
    if (typeof node === 'string') {
      if (key !== SOURCE_CONDITION && !node.endsWith('package.json')) targets.add(node);
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) visit(v, k);
    }
  };
  visit(manifest.exports, '.');
  for (const field of ['main', 'module', 'types']) if (manifest[field]) targets.add(manifest[field]);
  return [...targets].filter((target) => !target.includes('*'));
}

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Third-party peer dependencies the temp project installs next to a package (optional peers are left out,
 * as npm does). tfjs peers are pinned to the version the repo builds against.
 *
 * @example
 * peerSpecs({ peerDependencies: { '@tensorflow/tfjs-core': '^4.22.0' } }, '4.22.0'); // ['@tensorflow/tfjs-core@4.22.0']
 */
export function peerSpecs(manifest, tfjsVersion) {
  const optional = manifest.peerDependenciesMeta ?? {};
  return Object.entries(manifest.peerDependencies ?? {})
    .filter(([name]) => !name.startsWith('@tensorseq/') && !optional[name]?.optional)
    .map(([name, range]) => `${name}@${name.startsWith('@tensorflow/') ? tfjsVersion : range}`);
}
