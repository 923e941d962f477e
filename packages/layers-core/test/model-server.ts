/** Files served over HTTP for the URL round trips of the save/load suite. */
export interface ModelServer {
  /** The absolute URL of `path` (which starts with `/`). */
  url(path: string): string;
  /** Serves `bytes` at `path` from now on. */
  put(path: string, bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real HTTP server for `loadModel(url)`: in a browser, the test server's own `/__tensorseq/served/`
 * route (scripts/browser-test-server.ts), so the page fetches from its origin as an app would; in Node,
 * a `node:http` server on a free loopback port.
 *
 * @example
 * const server = await startModelServer();
 * await server.put('/m/model.json', bytes);
 * await loadModel(server.url('/m/model.json'));
 */
export async function startModelServer(): Promise<ModelServer> {
  const page = (globalThis as { location?: { origin: string } }).location;
  return page ? testServerRoute(page.origin) : startNodeServer();
}

function testServerRoute(origin: string): ModelServer {
  const base = `${origin}/__tensorseq/served`;
  return {
    url: (path) => `${base}${path}`,
    async put(path, bytes) {
      const res = await fetch(`${base}${path}`, { method: 'PUT', body: bytes as Uint8Array<ArrayBuffer> });
      if (!res.ok) throw new Error(`model server: PUT ${path} must succeed. Received: HTTP ${res.status}.`);
    },
    close: async () => {},
  };
}

async function startNodeServer(): Promise<ModelServer> {
  const { createServer } = await import('node:http');
  const served = new Map<string, Uint8Array>();
  const server = createServer((req, res) => {
    const body = served.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-length': body.byteLength }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    put: async (path, bytes) => void served.set(path, bytes),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
