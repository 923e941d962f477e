import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';

/** Where and with what a result was measured. */
export interface RunEnvironment {
  /** The tfjs backend that ran the model (`tensorseq-cpu`, `wasm`…). */
  backend: string;
  /** `process.version`. */
  node: string;
  /** `os.platform()-os.arch()`. */
  platform: string;
  /** Versions of the packages that did the work. */
  versions: Record<string, string>;
  /** `git rev-parse HEAD` of the checkout, with `-dirty` when it has uncommitted changes; `null` outside git. */
  commit: string | null;
}

const PACKAGES = [
  '@tensorflow/tfjs-core',
  '@tensorseq/backend-cpu',
  '@tensorseq/kernels',
  '@tensorseq/layers-core',
  '@tensorseq/layers-recurrent',
  '@tensorseq/layers-conv1d',
  '@tensorseq/datasets-imdb',
  '@tensorseq/datasets-jena',
  '@tensorseq/text-vectorize',
];

/**
 * Describes the current run for a results file: backend, Node, package versions and git commit.
 *
 * @returns the environment.
 * @example
 * runEnvironment().backend; // → 'tensorseq-cpu'
 */
export function runEnvironment(): RunEnvironment {
  const require = createRequire(import.meta.url);
  const versions: Record<string, string> = {};
  for (const name of PACKAGES) {
    try {
      const manifest = require.resolve(`${name}/package.json`);
      versions[name] = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
    } catch {
      // Not a dependency of this checkout: nothing to record.
    }
  }
  return {
    backend: tf.getBackend() ?? 'none',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    versions,
    commit: gitCommit(),
  };
}

function gitCommit(): string | null {
  try {
    const git = (args: string[], cwd?: string) =>
      execFileSync('git', args, { cwd, encoding: 'utf8', stdio: 'pipe' }).trim();
    const root = git(['rev-parse', '--show-toplevel']);
    const head = git(['rev-parse', 'HEAD'], root);
    // Results files are rewritten by the runs themselves: they do not make the code dirty.
    const changes = git(
      [
        'status',
        '--porcelain',
        '--untracked-files=no',
        '--',
        '.',
        ':(exclude)examples/*/results/**',
        ':(exclude)examples/RESULTS.md',
      ],
      root,
    );
    const dirty = changes !== '';
    return dirty ? `${head}-dirty` : head;
  } catch {
    return null;
  }
}
