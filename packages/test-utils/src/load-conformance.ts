import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the shared conformance fixtures live: `$TENSORSEQ_CONFORMANCE`, else the first
 * `shared/conformance` found next to (or above) this package, which covers both a checkout with its own
 * `shared/` and a worktree whose sibling is `../shared`.
 */
export function conformanceDir(): string {
  const fromEnv = process.env.TENSORSEQ_CONFORMANCE;
  if (fromEnv) return fromEnv;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'shared', 'conformance');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    'loadConformance: the shared conformance fixtures must exist. Received: no shared/conformance above test-utils. To fix this, set TENSORSEQ_CONFORMANCE.',
  );
}

/**
 * Reads and parses a conformance fixture file. `name` is `layers/dense`, `text/tokenizer`, or a bare
 * name (`dense`) looked up in `layers/` then `text/`.
 *
 * @example
 * const { cases } = loadConformance<{ cases: unknown[] }>('dense'); // every case of layers/dense.json
 */
export function loadConformance<T = unknown>(name: string): T {
  const root = conformanceDir();
  const base = name.endsWith('.json') ? name : `${name}.json`;
  const candidates = base.includes('/') ? [base] : [join('layers', base), join('text', base)];
  const file = candidates.map((c) => resolve(root, c)).find((f) => existsSync(f));
  if (!file) {
    throw new Error(
      `loadConformance: name must name a fixture file under ${root}. Received: name="${name}".`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
