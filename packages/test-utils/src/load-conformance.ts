import { conformanceRoot, fileExists, readTextFile, resolvePath } from '#host-files';

/**
 * Where the conformance fixtures live: `$TENSORSEQ_CONFORMANCE` when set (a folder with the layout of
 * the repository's `conformance/`), else the copy vendored in the repository. Nothing outside the
 * repository is read: a fresh clone must stand alone.
 *
 * @example
 * conformanceDir() // → '/path/to/tensorseq/conformance'
 */
export function conformanceDir(): string {
  return conformanceRoot();
}

const announced = new Set<string>();

/**
 * Reads and parses a conformance fixture file. `name` is `layers/dense`, `text/tokenizer`,
 * `keras/expected/<model>`, or a bare name (`dense`) looked up in `layers/` then `text/`. Logs the folder
 * it read from (once per file and process). Throws, never skips, when the fixture is missing: parity must
 * not pass by being skipped.
 *
 * @example
 * const { cases } = loadConformance<{ cases: unknown[] }>('dense'); // every case of layers/dense.json
 */
export function loadConformance<T = unknown>(name: string): T {
  const file = conformanceFile(name.endsWith('.json') ? name : `${name}.json`);
  return JSON.parse(readTextFile(file)) as T;
}

/**
 * The absolute path of a conformance file (any extension), such as `keras/models/k2.2.4_imdb_embedding_lstm.h5`.
 * A bare JSON name is looked up in `layers/` then `text/`.
 *
 * @example
 * conformanceFile('keras/models/k3.12.0_jena_gru_zip.keras') // → '/…/conformance/keras/models/k3.12.0_jena_gru_zip.keras'
 */
export function conformanceFile(name: string): string {
  const root = conformanceDir();
  const candidates = name.includes('/') ? [name] : [`layers/${name}`, `text/${name}`];
  const file = candidates.map((c) => resolvePath(root, c)).find((f) => fileExists(f));
  if (!file) {
    throw new Error(
      `loadConformance: name must name a fixture file under ${root}. Received: name="${name}". To fix this, restore the repository's conformance/ folder or point TENSORSEQ_CONFORMANCE at a copy of it.`,
    );
  }
  if (!announced.has(file)) {
    announced.add(file);
    console.log(`conformance: reading ${name} from ${root}`);
  }
  return file;
}

/**
 * Logs the closing line every conformance suite prints: `<suite>: checked N cases (<folder>)`, and fails
 * when N is 0 (a suite that checked nothing must not pass).
 *
 * @example
 * afterAll(() => reportChecked('dense conformance', checked)); // "dense conformance: checked 24 cases (…/conformance)"
 */
export function reportChecked(suite: string, count: number): void {
  console.log(`${suite}: checked ${count} cases (${conformanceDir()})`);
  if (count === 0)
    throw new Error(`${suite}: checked 0 cases. Every conformance suite must check at least one case.`);
}
