#!/usr/bin/env node
// `pnpm release:verify`: proves the public @tensorseq/* packages publish and install as a user gets them.
//   1. builds stale packages, packs each with pnpm (workspace:* becomes a real version) and runs
//      `publint --strict` on the tarball that would be published;
//   2. starts a throwaway Verdaccio on 127.0.0.1 (temp storage, free port; stopped in `finally` and on
//      SIGINT/SIGTERM) that serves @tensorseq/* only from its own storage and proxies everything else;
//   3. publishes every tarball to it, then in a fresh temp project outside the repo runs one
//      `npm install` of all packages BY NAME (plus their tfjs peers) from that registry;
//   4. per package: `import()` from an .mjs file, `require()` from a .cjs file (same export names), and
//      runs the first ```js block under the README's `## Example` heading (unless marked
//      `<!-- release-verify: skip -->`, for examples that need data or network).
// Prints a summary table; exits non-zero on any failure. Flags: --build (always rebuild), --keep (keep
// the temp dir). Env: RELEASE_VERIFY_UPLINK (default https://registry.npmjs.org/).
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exec, killRunning, tail } from './release-verify/exec.mjs';
import { startLocalRegistry } from './release-verify/local-registry.mjs';
import { readmeExample } from './release-verify/readme-example.mjs';
import {
  needsBuild,
  peerSpecs,
  publicPackages,
  publishBlocker,
} from './release-verify/workspace-packages.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const TFJS_VERSION = '4.22.0';
const UPLINK = process.env.RELEASE_VERIFY_UPLINK ?? 'https://registry.npmjs.org/';
const EXAMPLE_TIMEOUT_MS = 180_000;
const COLUMNS = ['publint', 'install', 'esm', 'cjs', 'readme example'];
const args = new Set(process.argv.slice(2));

let registry = null;
let registryProcess = null;

/** Checks that one package went through; `details` collects the output of the failed steps. */
function newResult(pkg) {
  return { pkg, status: Object.fromEntries(COLUMNS.map((c) => [c, 'not run'])), details: [] };
}

function fail(result, column, message, output = '') {
  result.status[column] = 'FAIL';
  result.details.push(`${result.pkg.name} — ${column}: ${message}${output ? `\n${tail(output)}` : ''}`);
}

async function main() {
  const started = Date.now();
  const packages = publicPackages(ROOT);
  if (packages.length === 0) throw new Error('release:verify: no public package under packages/');
  for (const pkg of packages) {
    const blocker = publishBlocker(pkg);
    if (blocker) throw new Error(blocker);
  }
  const results = packages.map(newResult);
  const workDir = createWorkDir();
  let fatal = null;
  try {
    await buildIfStale(packages);
    const tarballs = await packAll(results, join(workDir, 'tarballs'));
    await lintAll(results, tarballs);
    await publishAndInstall(results, tarballs, workDir);
  } catch (error) {
    fatal = error instanceof Error ? error.message : String(error);
  } finally {
    await stopRegistry();
  }
  const ok = printSummary(results, fatal, Date.now() - started);
  if (ok && !args.has('--keep')) rmSync(workDir, { recursive: true, force: true });
  else console.log(`temp dir kept: ${workDir}`);
  return ok;
}

/** A fresh dir in os.tmpdir(), refused if it is inside the repo (the install must not see the workspace). */
function createWorkDir() {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tensorseq-release-verify-')));
  const fromRoot = relative(realpathSync(ROOT), dir);
  if (!fromRoot.startsWith(`..${sep}`) && fromRoot !== '..') {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`release:verify: the temp dir must be outside the repo. Received: dir=${dir}.`);
  }
  return dir;
}

async function buildIfStale(packages) {
  const stale = args.has('--build') ? packages : packages.filter(needsBuild);
  if (stale.length === 0) return;
  console.log(`::: building (stale or missing dist: ${stale.map((p) => p.name).join(', ')})`);
  const { code, output } = await exec('pnpm', ['run', 'build'], { cwd: ROOT, timeoutMs: 600_000 });
  if (code !== 0) throw new Error(`release:verify: pnpm build failed\n${tail(output)}`);
  // Output still missing after a build is a manifest that points at the wrong files: publint reports it.
}

/** `pnpm pack` rewrites workspace:* ranges like `pnpm publish` does; each tarball gets its own folder. */
async function packAll(results, tarballDir) {
  console.log('::: packing');
  const tarballs = new Map();
  for (const result of results) {
    const destination = join(tarballDir, result.pkg.name.replace('/', '__'));
    mkdirSync(destination, { recursive: true });
    const { code, output } = await exec('pnpm', ['pack', '--pack-destination', destination], {
      cwd: result.pkg.dir,
    });
    const files = readdirSync(destination).filter((f) => f.endsWith('.tgz'));
    if (code !== 0 || files.length !== 1) {
      throw new Error(`release:verify: pnpm pack failed for ${result.pkg.name}\n${tail(output)}`);
    }
    tarballs.set(result.pkg.name, join(destination, files[0]));
  }
  return tarballs;
}

async function lintAll(results, tarballs) {
  console.log('::: publint --strict');
  const publint = join(ROOT, 'node_modules', '.bin', 'publint');
  for (const result of results) {
    const { code, output } = await exec(publint, ['run', tarballs.get(result.pkg.name), '--strict'], {
      cwd: result.pkg.dir,
    });
    if (code === 0) result.status.publint = 'ok';
    else fail(result, 'publint', `exit ${code}`, output);
  }
}

async function stopRegistry() {
  const stopping = registry?.stop() ?? stopProcess(registryProcess);
  registry = null;
  registryProcess = null;
  await stopping;
}

function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.kill('SIGKILL');
  return new Promise((resolve) => child.once('exit', resolve));
}

/** Everything that needs the registry; stops early when publishing or installing fails for all packages. */
async function publishAndInstall(results, tarballs, workDir) {
  console.log('::: starting verdaccio on 127.0.0.1');
  const registryDir = join(workDir, 'registry');
  mkdirSync(registryDir);
  registry = await startLocalRegistry({
    root: ROOT,
    workDir: registryDir,
    uplink: UPLINK,
    onStarted: (child) => {
      registryProcess = child;
    },
  });
  const project = createProject(join(workDir, 'project'), registry);
  if (!(await publishAll(results, tarballs, project))) return;
  if (!(await installAll(results, project))) return;
  for (const result of results) await checkPackage(result, project);
}

/** The user's project: its own .npmrc points npm at the throwaway registry, with the publish token. */
function createProject(dir, { url, token }) {
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'tensorseq-release-verify', version: '1.0.0', private: true }, null, 2)}\n`,
  );
  const host = url.replace(/^http:/, '');
  writeFileSync(
    join(dir, '.npmrc'),
    `registry=${url}\n@tensorseq:registry=${url}\n${host}:_authToken=${token}\n`,
  );
  return { dir, url, env: npmEnv() };
}

/**
 * The environment of a user's shell: pnpm exports the repo's config as npm_config_* to scripts, and npm
 * reads those before any .npmrc, so they are dropped (network settings such as proxies are kept); so is
 * NODE_OPTIONS, which could carry the in-repo `--conditions=@tensorseq/source`.
 */
function npmEnv() {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  for (const key of Object.keys(env)) {
    if (
      /^npm_config_/i.test(key) &&
      !/^npm_config_(https?_proxy|proxy|noproxy|cafile|ca|strict_ssl|cache)$/i.test(key)
    ) {
      delete env[key];
    }
  }
  return env;
}

/** Registry flags on every npm call, so neither a user-level nor a scoped registry setting can win. */
function registryFlags(url) {
  return [`--registry=${url}`, `--@tensorseq:registry=${url}`, '--no-audit', '--no-fund'];
}

async function publishAll(results, tarballs, project) {
  console.log(`::: publishing ${results.length} package(s) to ${project.url}`);
  let ok = true;
  for (const result of results) {
    const { code, output } = await exec(
      'npm',
      [
        'publish',
        tarballs.get(result.pkg.name),
        '--access=public',
        '--tag=latest',
        ...registryFlags(project.url),
      ],
      { cwd: project.dir, env: project.env },
    );
    if (code !== 0) {
      fail(result, 'install', `npm publish failed (exit ${code})`, output);
      ok = false;
    }
  }
  return ok;
}

/** One install of every package by name (no version: what `npm install @tensorseq/x` gives a user). */
async function installAll(results, project) {
  const peers = [...new Set(results.flatMap((r) => peerSpecs(r.pkg.manifest, TFJS_VERSION)))];
  const specs = [...results.map((r) => r.pkg.name), ...peers];
  console.log(`::: npm install ${specs.join(' ')}`);
  const { code, output } = await exec(
    'npm',
    [
      'install',
      ...specs,
      '--prefer-online',
      '--omit-lockfile-registry-resolved=false',
      ...registryFlags(project.url),
    ],
    { cwd: project.dir, env: project.env, timeoutMs: 600_000 },
  );
  if (code !== 0) {
    // One install for all packages: its output is shown once, under the first package.
    for (const [i, result] of results.entries()) {
      fail(result, 'install', `npm install failed (exit ${code})`, i === 0 ? output : '');
    }
    return false;
  }
  return true;
}

async function checkPackage(result, project) {
  const { name, version } = result.pkg;
  const installed = installedFrom(project, name);
  if (installed.version !== version || !installed.resolved?.startsWith(project.url)) {
    fail(
      result,
      'install',
      `installed package must be ${version} from ${project.url}. Received: version=${installed.version}, resolved=${installed.resolved}.`,
    );
    return;
  }
  result.status.install = 'ok';
  const esmNames = await checkEsm(result, project);
  if (esmNames) await checkCjs(result, project, esmNames);
  await runReadmeExample(result, project);
}

function installedFrom(project, name) {
  const lock = JSON.parse(readFileSync(join(project.dir, 'package-lock.json'), 'utf8'));
  return lock.packages?.[`node_modules/${name}`] ?? {};
}

/** Imports the package as ESM; returns its export names (sorted) or null on failure. */
async function checkEsm(result, project) {
  const file = join(project.dir, `esm-${slug(result.pkg.name)}.mjs`);
  writeFileSync(file, exportNamesScript(`await import(${JSON.stringify(result.pkg.name)})`));
  const names = await exportNames(result, 'esm', file, project);
  if (names) result.status.esm = 'ok';
  return names;
}

async function checkCjs(result, project, esmNames) {
  const file = join(project.dir, `cjs-${slug(result.pkg.name)}.cjs`);
  writeFileSync(file, exportNamesScript(`require(${JSON.stringify(result.pkg.name)})`));
  const names = await exportNames(result, 'cjs', file, project);
  if (!names) return;
  if (names.join() !== esmNames.join()) {
    fail(
      result,
      'cjs',
      `export names must match the ESM build. Received: cjs=[${names}], esm=[${esmNames}].`,
    );
    return;
  }
  result.status.cjs = 'ok';
}

/** A script that loads the package (`await import(...)` in .mjs, `require(...)` in .cjs) and prints its export names. */
function exportNamesScript(load) {
  return [
    `const m = ${load};`,
    "const names = Object.keys(m).filter((k) => k !== 'default' && k !== '__esModule').sort();",
    'console.log(JSON.stringify(names));',
    '',
  ].join('\n');
}

async function exportNames(result, column, file, project) {
  const { code, stdout, output } = await exec(process.execPath, [file], {
    cwd: project.dir,
    env: project.env,
    timeoutMs: 60_000,
  });
  if (code !== 0) {
    fail(result, column, `loading failed (exit ${code})`, output);
    return null;
  }
  const names = JSON.parse(stdout.trim().split('\n').pop());
  if (names.length === 0) {
    fail(result, column, 'the package must export at least one name. Received: no exports.');
    return null;
  }
  return names;
}

async function runReadmeExample(result, project) {
  const readmePath = join(result.pkg.dir, 'README.md');
  let markdown = '';
  try {
    markdown = readFileSync(readmePath, 'utf8');
  } catch {
    fail(result, 'readme example', 'README.md must exist. Received: none.');
    return;
  }
  const example = readmeExample(markdown);
  if (!example.found) {
    fail(result, 'readme example', 'README.md must have a ```js block under `## Example`. Received: none.');
    return;
  }
  if (example.skip) {
    result.status['readme example'] = `skipped (${example.reason})`;
    return;
  }
  const file = join(project.dir, `example-${slug(result.pkg.name)}.mjs`);
  writeFileSync(file, example.code);
  const { code, output } = await exec(process.execPath, [file], {
    cwd: project.dir,
    env: project.env,
    timeoutMs: EXAMPLE_TIMEOUT_MS,
  });
  if (code === 0) result.status['readme example'] = 'ok';
  else fail(result, 'readme example', `exit ${code}`, output);
}

function slug(name) {
  return name.replace(/^@/, '').replace(/\//g, '-');
}

/** Prints the table and the failures; returns whether everything passed. */
function printSummary(results, fatal, elapsedMs) {
  const header = ['package', ...COLUMNS];
  const rows = results.map((r) => [r.pkg.name, ...COLUMNS.map((c) => r.status[c])]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  const failures = [...results.flatMap((r) => r.details), ...(fatal ? [fatal] : [])];
  if (failures.length) console.log(`\nfailures:\n${failures.join('\n')}`);
  const seconds = (elapsedMs / 1000).toFixed(1);
  console.log(`\nrelease:verify ${failures.length ? 'FAILED' : 'passed'} in ${seconds} s`);
  return failures.length === 0;
}

// Never leave the registry running: stop it on Ctrl-C / kill, and as a last resort when the process exits.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\nrelease:verify: ${signal}, stopping the local registry`);
    killRunning();
    stopRegistry().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}
process.once('exit', () => {
  killRunning();
  registryProcess?.kill('SIGKILL');
});

main().then(
  (ok) => {
    process.exitCode = ok ? 0 : 1;
  },
  async (error) => {
    await stopRegistry();
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
