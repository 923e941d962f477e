import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');

/** Runs the fixture in a fresh Node process (it must exit by itself) and parses its JSON line. */
function runThreaded(threads: number, entry: 'node' | 'main' = 'node') {
  const out = execFileSync(
    process.execPath,
    [
      '--conditions=@tensorseq/source',
      '--import',
      'tsx',
      join(here, 'fixtures', 'threaded-ops.ts'),
      `${threads}`,
      entry,
    ],
    { cwd: root, encoding: 'utf8', timeout: 120_000 },
  );
  return JSON.parse(out.trim().split('\n').pop() as string);
}

describe('useBackend threads (Node)', () => {
  it('runs tfjs-backend-wasm threaded with file-based pthread workers, matching cpu, and lets Node exit', () => {
    const { info, maxDiff, values } = runThreaded(2);
    expect(info).toMatchObject({ backend: 'wasm', simd: true, threads: 2 });
    expect(info.reasons[1]).toBe(
      "threads: 2, tfjs-backend-wasm's threaded SIMD build with file-based pthread workers (tfjs 4.22 alone turns threads off under Node)",
    );
    expect(values).toBe(256 * 200 + 4 * 32 * 32 * 16);
    expect(maxDiff).toBeLessThan(1e-3);
  });

  it('stays on the single-threaded build when threads is 1', () => {
    const { info, maxDiff } = runThreaded(1);
    expect(info).toMatchObject({
      backend: 'wasm',
      threads: 1,
      reasons: [expect.any(String), 'threads: 1, as asked'],
    });
    expect(maxDiff).toBeLessThan(1e-3);
  });

  it('runs 1 thread through the main entry in Node, and says the ./node entry starts threads', () => {
    const { info, maxDiff } = runThreaded(2, 'main');
    expect(info).toMatchObject({ backend: 'wasm', threads: 1, wasmPaths: 'default' });
    expect(info.reasons[1]).toBe(
      "threads=2 was asked, but in Node the threaded build starts only through @tensorseq/backend-wasm/node's useBackend; running 1 thread",
    );
    expect(maxDiff).toBeLessThan(1e-3);
  });
});
