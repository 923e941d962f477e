#!/usr/bin/env node
// `pnpm check:packages`: checks the public @tensorseq/* packages as a user receives them (run after `pnpm build`).
//   1. `pnpm pack` each package, then `publint --strict` and `attw` (are the types wrong?) on the tarball;
//   2. `tsc --noEmit` of a tiny consumer that imports every package (ESM and CJS) with `skipLibCheck: false`,
//      once under `moduleResolution: node16` and once under `bundler` (no @types/node there: a browser app);
//   3. an esbuild `--platform=browser` bundle of each main entry (no polyfills, Node built-ins are errors),
//      and of each `./node` entry for Node, with the tfjs packages external (they are peers), split as an
//      app's bundler splits it: chunks behind a dynamic import() are reported, not counted;
//   4. the size budgets in .size-limit.json: minified+gzipped bundle bytes and the tarball's unpacked bytes.
// Option: `--only <name>` (repeatable) checks some packages only.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { publicPackages } from './release-verify/workspace-packages.mjs';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(join(ROOT, 'package.json'));
const esbuild = createRequire(require.resolve('tsup'))('esbuild');
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

/** The @types packages tfjs-core's declarations need (a browser consumer has these, and not @types/node). */
const TFJS_TYPES = ['long', 'offscreencanvas', 'seedrandom'];

/** Packages that are Node-only by nature: their main entry is bundled for Node, not the browser. */
const NODE_ONLY = new Set(['@tensorseq/backend-node-gpu']);

const args = process.argv.slice(2);
const only = args.flatMap((a, i) => (args[i - 1] === '--only' ? [a] : []));
const packages = publicPackages(ROOT).filter((p) => only.length === 0 || only.includes(p.name));
const budgets = JSON.parse(readFileSync(join(ROOT, '.size-limit.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'tensorseq-check-'));
const failures = [];
const sizes = new Map();

function fail(what, detail) {
  failures.push(`${what}\n${detail.trim().split('\n').slice(-40).join('\n')}`);
  console.log(`  FAIL ${what}`);
}

function run(cmd, argv, cwd) {
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** Subpath exports of a manifest, other than package.json (e.g. '.', './node'). */
function entryPoints(manifest) {
  return Object.keys(manifest.exports ?? { '.': null }).filter((k) => !k.endsWith('package.json'));
}

function packAndLint(pkg) {
  const dest = join(work, 'tarballs', pkg.name.replace('/', '__'));
  mkdirSync(dest, { recursive: true });
  const packed = run('pnpm', ['pack', '--pack-destination', dest], pkg.dir);
  if (!packed.ok) return fail(`${pkg.name}: pnpm pack`, packed.output);
  const tarball = join(dest, execFileSync('ls', [dest], { encoding: 'utf8' }).trim());
  const publint = run(bin('publint'), ['run', tarball, '--strict'], pkg.dir);
  if (!publint.ok) fail(`${pkg.name}: publint --strict`, publint.output);
  const attw = run(bin('attw'), [tarball, '--format', 'ascii', '--profile', 'node16'], pkg.dir);
  if (!attw.ok) fail(`${pkg.name}: attw`, attw.output);
  const listing = run('tar', ['-tvzf', tarball], dest).output;
  const unpacked = listing
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[2] ?? 0), 0);
  sizes.set(`${pkg.name} (unpacked)`, unpacked);
  console.log(
    `  ${publint.ok && attw.ok ? 'ok' : '--'}   ${pkg.name}: publint, attw; unpacked ${kb(unpacked)}`,
  );
}

/** A consumer project whose node_modules links the workspace packages (dist/, as published) and their peers. */
function consumer() {
  const dir = join(work, 'consumer');
  const nm = join(dir, 'node_modules');
  mkdirSync(join(nm, '@tensorseq'), { recursive: true });
  mkdirSync(join(nm, '@tensorflow'), { recursive: true });
  mkdirSync(join(nm, '@types'), { recursive: true });
  for (const pkg of packages) symlinkSync(pkg.dir, join(nm, pkg.name));
  const core = dirname(
    require.resolve('@tensorflow/tfjs-core/package.json', { paths: [join(ROOT, 'packages/layers-core')] }),
  );
  symlinkSync(core, join(nm, '@tensorflow/tfjs-core'));
  // tfjs-core's own declarations need its @types dependencies (Long, OffscreenCanvas, seedrandom).
  const coreRequire = createRequire(join(core, 'package.json'));
  for (const t of TFJS_TYPES) {
    symlinkSync(dirname(coreRequire.resolve(`@types/${t}/package.json`)), join(nm, '@types', t));
  }
  const imports = [];
  const requires = [];
  packages.forEach((pkg, i) => {
    for (const entry of entryPoints(pkg.manifest)) {
      const spec = entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`;
      imports.push(`import * as m${i}${entry === '.' ? '' : '_node'} from '${spec}';`);
      requires.push(`import r${i}${entry === '.' ? '' : '_node'} = require('${spec}');`);
    }
  });
  const names = (src) => src.map((line) => line.split(' ')[line.startsWith('import *') ? 3 : 1]);
  writeFileSync(join(dir, 'esm.mts'), `${imports.join('\n')}\nexport const all = [${names(imports)}];\n`);
  writeFileSync(join(dir, 'cjs.cts'), `${requires.join('\n')}\nexport const all = [${names(requires)}];\n`);
  // The bundler consumer is a browser app (no @types/node): main entries only.
  const browser = imports.filter((l) => !l.includes('_node'));
  writeFileSync(join(dir, 'bundler.ts'), `${browser.join('\n')}\nexport const all = [${names(browser)}];\n`);
  return dir;
}

function typecheck(dir) {
  const base = { target: 'es2022', strict: true, skipLibCheck: false, noEmit: true };
  const configs = {
    node16: {
      compilerOptions: { ...base, module: 'node16', moduleResolution: 'node16' },
      files: ['esm.mts', 'cjs.cts'],
    },
    bundler: {
      compilerOptions: {
        ...base,
        module: 'esnext',
        moduleResolution: 'bundler',
        lib: ['es2022', 'dom'],
        types: TFJS_TYPES,
      },
      files: ['bundler.ts'],
    },
  };
  const nodeTypes = dirname(require.resolve('@types/node/package.json'));
  symlinkSync(nodeTypes, join(dir, 'node_modules/@types/node'));
  for (const [mode, config] of Object.entries(configs)) {
    writeFileSync(join(dir, `tsconfig.${mode}.json`), JSON.stringify(config, null, 2));
    const r = run(bin('tsc'), ['-p', `tsconfig.${mode}.json`], dir);
    if (r.ok) console.log(`  ok   tsc --noEmit (${mode}, skipLibCheck: false)`);
    else fail(`tsc --noEmit of a consumer (${mode}, skipLibCheck: false)`, r.output);
  }
}

let bundles = 0;

/**
 * Bundles `export <what> from '<spec>'` with code splitting, as an app's bundler does, and returns the
 * gzipped bytes of what loading the entry costs: its chunk and the chunks it imports statically. Chunks
 * behind a dynamic `import()` (keras-io's h5wasm) load on first use; they are reported, not counted.
 */
async function bundle(dir, pkg, entry, what) {
  const spec = entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`;
  const nodeEntry = entry !== '.' || NODE_ONLY.has(pkg.name);
  const input = join(dir, `bundle-${bundles++}.js`);
  writeFileSync(input, `export ${what} from '${spec}';\n`);
  try {
    const result = await esbuild.build({
      entryPoints: [input],
      absWorkingDir: dir,
      outdir: join(dir, 'out'),
      bundle: true,
      splitting: true,
      minify: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: nodeEntry ? 'node' : 'browser',
      external: ['@tensorflow/*'],
      logLevel: 'silent',
    });
    const gzipped = new Map(result.outputFiles.map((f) => [f.path, gzipSync(f.contents).length]));
    const outputs = result.metafile.outputs;
    const loaded = new Set();
    const load = (file) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const i of outputs[file].imports)
        if (i.kind === 'import-statement' && outputs[i.path]) load(i.path);
    };
    load(Object.keys(outputs).find((file) => outputs[file].entryPoint !== undefined));
    const size = (files) => files.reduce((sum, file) => sum + gzipped.get(join(dir, file)), 0);
    const lazy = Object.keys(outputs).filter((file) => !loaded.has(file) && file.endsWith('.js'));
    if (lazy.length > 0)
      console.log(`  lazy ${spec}${what === '*' ? '' : ` ${what}`}: +${kb(size(lazy))} on first use`);
    return size([...loaded]);
  } catch (error) {
    fail(`${spec}: esbuild --platform=${nodeEntry ? 'node' : 'browser'}`, error.message);
    return null;
  }
}

function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function checkBudgets() {
  const rows = [];
  for (const [name, size] of sizes) {
    const budget = budgets.find((b) => b.name === name);
    if (!budget) {
      rows.push(`  NONE ${name.padEnd(48)} ${kb(size).padStart(10)}`);
      fail(`size budget: ${name}`, 'has no budget in .size-limit.json');
      continue;
    }
    const limit = Number.parseFloat(budget.limit) * (budget.limit.endsWith('kB') ? 1000 : 1);
    const ok = size <= limit;
    rows.push(`  ${ok ? 'ok  ' : 'OVER'} ${name.padEnd(48)} ${kb(size).padStart(10)} / ${budget.limit}`);
    if (!ok) fail(`size budget: ${name}`, `${kb(size)} > ${budget.limit} (.size-limit.json)`);
  }
  console.log(rows.join('\n'));
}

try {
  console.log('::: publint --strict + attw (packed tarballs)');
  for (const pkg of packages) packAndLint(pkg);
  const dir = consumer();
  console.log('::: tsc --noEmit of a consumer');
  typecheck(dir);
  console.log('::: bundles (esbuild, minified + gzip; tfjs peers external)');
  for (const pkg of packages) {
    for (const entry of entryPoints(pkg.manifest)) {
      const size = await bundle(dir, pkg, entry, '*');
      const name = `${pkg.name}${entry === '.' ? '' : entry.slice(1)}`;
      if (size !== null) sizes.set(name, size);
    }
  }
  // Tree-shaking: importing one helper must not pull in the engine (nor tfjs-core's gradients).
  for (const budget of budgets.filter((b) => b.import)) {
    const pkg = packages.find((p) => budget.name.startsWith(`${p.name} `));
    if (!pkg) continue;
    const size = await bundle(dir, pkg, '.', budget.import);
    if (size !== null) sizes.set(budget.name, size);
  }
  console.log('::: size budgets (.size-limit.json)');
  checkBudgets();
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.log(`\n::: check:packages found ${failures.length} problem(s):\n`);
  console.log(failures.join('\n\n'));
  process.exit(1);
}
console.log(`::: check:packages passed (${packages.length} packages)`);
