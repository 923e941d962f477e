// The host's files and environment in the browser test run: package.json `imports` maps `#host-files`
// here under the "browser" condition. Chromium has no file system, so the test server
// (scripts/browser-test-server.ts) serves the repository's conformance/ and data/ folders and the test
// environment variables; the reads are synchronous requests because the Node twin's API is synchronous.

/** Where the test server serves the repository's fixture folders. */
const REPO = '/__tensorseq/repo';

/** The part of `XMLHttpRequest` used here (the package compiles without the DOM library). */
interface SyncRequest {
  open(method: string, url: string, async: false): void;
  send(): void;
  readonly status: number;
  readonly responseText: string;
}

function request(method: 'GET' | 'HEAD', url: string): SyncRequest {
  const { XMLHttpRequest } = globalThis as unknown as { XMLHttpRequest: new () => SyncRequest };
  const xhr = new XMLHttpRequest();
  xhr.open(method, url, false);
  xhr.send();
  return xhr;
}

/**
 * The repository root as the test server serves it (only `conformance/` and `data/` are reachable).
 *
 * @example
 * repoRoot(); // → '/__tensorseq/repo'
 */
export function repoRoot(): string {
  return REPO;
}

/**
 * The conformance fixtures' folder on the test server (which maps it to `$TENSORSEQ_CONFORMANCE` when set).
 *
 * @example
 * conformanceRoot(); // → '/__tensorseq/repo/conformance'
 */
export function conformanceRoot(): string {
  return `${REPO}/conformance`;
}

/**
 * Joins URL path segments: a segment starting with `/` starts over, `.` and `..` are resolved.
 *
 * @example
 * resolvePath('/__tensorseq/repo', 'data', 'a.csv'); // → '/__tensorseq/repo/data/a.csv'
 */
export function resolvePath(...segments: string[]): string {
  const out: string[] = [];
  for (const segment of segments) {
    if (segment.startsWith('/')) out.length = 0;
    for (const part of segment.split('/')) {
      if (part === '..') out.pop();
      else if (part !== '' && part !== '.') out.push(part);
    }
  }
  return `/${out.join('/')}`;
}

/**
 * Whether the test server has the file.
 *
 * @example
 * fileExists('/__tensorseq/repo/conformance/layers/dense.json'); // → true
 */
export function fileExists(path: string): boolean {
  return request('HEAD', path).status === 200;
}

/**
 * A text file's contents, from the test server.
 *
 * @throws Error when the server does not have it.
 * @example
 * JSON.parse(readTextFile('/__tensorseq/repo/conformance/layers/dense.json'));
 */
export function readTextFile(path: string): string {
  const xhr = request('GET', path);
  if (xhr.status !== 200) {
    throw new Error(
      `readTextFile: path must name a file the test server serves. Received: HTTP ${xhr.status} for ${path}.`,
    );
  }
  return xhr.responseText;
}

let env: Record<string, string> | null = null;

/**
 * A test environment variable (`TENSORSEQ_*`, `FUZZ_*`) of the process that runs the test server.
 *
 * @example
 * envVar('TENSORSEQ_BACKEND'); // → 'wasm' under TENSORSEQ_BACKEND=wasm pnpm test:browser
 */
export function envVar(name: string): string | undefined {
  env ??= JSON.parse(readTextFile('/__tensorseq/env')) as Record<string, string>;
  return env[name];
}
