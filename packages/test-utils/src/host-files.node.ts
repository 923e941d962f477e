// The host's files and environment in Node (package.json `imports` maps `#host-files` here by default;
// host-files.browser.ts is the Chromium twin, which asks the test server for the same things).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above test-utils that holds `pnpm-workspace.yaml`.
 *
 * @example
 * repoRoot(); // → '/path/to/tensorseq'
 */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        'test-utils: no pnpm-workspace.yaml above test-utils; it must run inside the repository.',
      );
    dir = parent;
  }
}

/**
 * The conformance fixtures' folder: `$TENSORSEQ_CONFORMANCE`, else the repository's `conformance/`.
 *
 * @example
 * conformanceRoot(); // → '/path/to/tensorseq/conformance'
 */
export function conformanceRoot(): string {
  const fromEnv = process.env.TENSORSEQ_CONFORMANCE;
  return fromEnv ? resolve(fromEnv) : resolve(repoRoot(), 'conformance');
}

/**
 * Joins path segments into an absolute path.
 *
 * @example
 * resolvePath('/repo', 'data', 'a.csv'); // → '/repo/data/a.csv'
 */
export function resolvePath(...segments: string[]): string {
  return resolve(...segments);
}

/**
 * Whether a file or folder exists.
 *
 * @example
 * fileExists(resolvePath(repoRoot(), 'conformance')); // → true
 */
export function fileExists(path: string): boolean {
  return existsSync(path);
}

/**
 * A UTF-8 text file's contents.
 *
 * @example
 * JSON.parse(readTextFile(resolvePath(conformanceRoot(), 'layers/dense.json')));
 */
export function readTextFile(path: string): string {
  return readFileSync(path, 'utf8');
}

/**
 * An environment variable, or undefined.
 *
 * @example
 * envVar('TENSORSEQ_BACKEND'); // → 'wasm' under TENSORSEQ_BACKEND=wasm
 */
export function envVar(name: string): string | undefined {
  return process.env[name];
}
