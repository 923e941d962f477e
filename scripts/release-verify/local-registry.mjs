// A throwaway Verdaccio on 127.0.0.1: storage and config in a temp dir, a free port, one throwaway user.
// @tensorseq/* is served ONLY from local storage (no uplink for that scope), so an install can never pick
// up a package from the real registry; everything else is proxied to the uplink (tfjs and friends).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Starts Verdaccio and returns `{ url, token, logFile, stop }`; `stop()` is idempotent and always safe to call.
 * `onStarted(child)` runs as soon as the process exists, so the caller can kill it even if start-up then fails.
 *
 * @example
 * const registry = await startLocalRegistry({ root, workDir, uplink: 'https://registry.npmjs.org/' });
 * try { ... } finally { await registry.stop(); }
 */
export async function startLocalRegistry({ root, workDir, uplink, onStarted = () => {} }) {
  const port = await freePort();
  const url = `http://${HOST}:${port}/`;
  const configFile = writeConfig(workDir, uplink);
  const logFile = join(workDir, 'verdaccio.log');
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [verdaccioBin(root), '--config', configFile, '--listen', `${HOST}:${port}`],
    {
      cwd: workDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  onStarted(child);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const stop = () => stopChild(child);
  try {
    await waitUntilReady(url, child);
    const token = await addUser(url);
    return { url, token, logFile, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function verdaccioBin(root) {
  const require = createRequire(join(root, 'package.json'));
  const manifestPath = require.resolve('verdaccio/package.json');
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return join(dirname(manifestPath), typeof bin === 'string' ? bin : bin.verdaccio);
}

function writeConfig(workDir, uplink) {
  const storage = join(workDir, 'storage');
  mkdirSync(storage, { recursive: true });
  const file = join(workDir, 'config.yaml');
  writeFileSync(
    file,
    [
      `storage: ${JSON.stringify(storage)}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(workDir, 'htpasswd'))}`,
      '    max_users: 1',
      'uplinks:',
      '  npmjs:',
      `    url: ${JSON.stringify(uplink)}`,
      '    timeout: 60s',
      'packages:',
      "  '@tensorseq/*':",
      '    access: $all',
      '    publish: $authenticated',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      '    proxy: npmjs',
      'web:',
      '  enable: false',
      'max_body_size: 200mb',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  return file;
}

/** Asks the OS for a free port on 127.0.0.1 (closed again before Verdaccio binds it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url, child) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited during start-up (code ${child.exitCode})`);
    try {
      const response = await fetch(new URL('-/ping', url));
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`verdaccio did not answer on ${url} within ${START_TIMEOUT_MS} ms`);
}

/** Creates the throwaway user through the npm adduser protocol and returns its token. */
async function addUser(url) {
  const name = 'release-verify';
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: `pw-${process.pid}-${Date.now()}`, type: 'user', roles: [] }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.token) {
    throw new Error(`verdaccio refused to create a user: HTTP ${response.status} ${JSON.stringify(body)}`);
  }
  return body.token;
}

/** SIGTERM, then SIGKILL if it is still alive after a grace period. */
function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
