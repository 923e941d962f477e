import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Where the browser suites reach the test server's own routes. */
export const TEST_ROUTES_PREFIX = '/__tensorseq';

/**
 * A Vite plugin for the browser test run (vitest.browser.config.ts) that gives the suites in Chromium
 * what Node gives them from its file system and `node:http`:
 * - `GET|HEAD /__tensorseq/repo/conformance/<file>`: the vendored conformance fixtures (or the folder
 *   `TENSORSEQ_CONFORMANCE` names), and `/__tensorseq/repo/data/<file>`: the shipped data samples, read by
 *   test-utils' `#host-files` in the browser (nothing else on the disk is reachable);
 * - `GET /__tensorseq/env`: the test variables (`TENSORSEQ_*`, `FUZZ_*`) of the process running the tests;
 * - `PUT /__tensorseq/served/<path>` stores a body in memory and `GET` serves it back, so the save/load
 *   suite can load a model from a real URL of the test server (`loadModel('http://…/model.json')`);
 * - every response carries COOP `same-origin` and COEP `require-corp`, so the test pages are cross-origin
 *   isolated, as a user's page must be for the kernels' Web Worker threads (shared WebAssembly memory).
 *
 * @example
 * export default defineConfig({ plugins: [testServerRoutes()], test: { browser: { enabled: true } } });
 */
export function testServerRoutes(): Plugin {
  const served = new Map<string, Buffer>();
  const folders: Record<string, string> = {
    conformance: resolve(process.env.TENSORSEQ_CONFORMANCE ?? 'conformance'),
    data: resolve('data'),
  };
  return {
    name: 'tensorseq-test-server-routes',
    configureServer(server) {
      // First in the stack: vitest's own middlewares answer the test pages before later ones run.
      server.middlewares.stack.unshift({ route: '', handle: isolate });
      server.middlewares.use(TEST_ROUTES_PREFIX, (req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const path = decodeURIComponent(url.pathname);
        const [, area, folder, ...rest] = path.split('/');
        if (area === 'repo' && Object.hasOwn(folders, folder))
          return sendFile(res, folders[folder], rest.join('/'), req.method);
        if (area === 'env') return sendJson(res, testEnv());
        if (area === 'served') return serveStored(req, res, served, path);
        res.writeHead(404).end();
      });
    },
  };
}

function isolate(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
  next();
}

function testEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => /^(TENSORSEQ|FUZZ)_/.test(e[0]) && e[1] !== undefined,
    ),
  );
}

function sendJson(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
}

function sendFile(res: ServerResponse, root: string, rel: string, method = 'GET'): void {
  const file = resolve(root, rel);
  // Only files inside the fixture folder: the route must not become a window onto the disk.
  const inside = !relative(root, file).startsWith('..');
  if (!inside || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
  const body = readFileSync(file);
  res.writeHead(200, { 'content-length': body.byteLength, 'cache-control': 'no-store' });
  res.end(method === 'HEAD' ? undefined : body);
}

function serveStored(
  req: IncomingMessage,
  res: ServerResponse,
  served: Map<string, Buffer>,
  path: string,
): void {
  if (req.method === 'PUT') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      served.set(path, Buffer.concat(chunks));
      res.writeHead(201).end();
    });
    return;
  }
  const body = served.get(path);
  if (!body) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-length': body.byteLength, 'cache-control': 'no-store' });
  res.end(body);
}
