import { parseModelJson } from './decode-model';
import { readIndexedDb, writeIndexedDb } from './indexed-db-store';
import type { ModelArtifacts } from './model-format';

/** A custom save target or load source (like tfjs' IOHandler): implement one or both methods. */
export interface ModelHandler {
  save?(artifacts: ModelArtifacts): Promise<void>;
  load?(): Promise<ModelArtifacts>;
}

/**
 * Where {@link Sequential.save} writes: `'indexeddb://name'`, `'downloads://name'` (a browser download of
 * `name.json` + `name.weights.bin`), a {@link ModelHandler}, or a directory path once
 * `@tensorseq/layers-core/node` is imported (Node).
 */
export type SaveTarget = string | ModelHandler;

/**
 * What {@link loadModel} reads: artifacts in memory (`{ modelJson, weights }`), a `model.json` URL
 * (`https://…`, fetched with `weights.bin` next to it), `'indexeddb://name'`, a {@link ModelHandler}, or
 * a directory path once `@tensorseq/layers-core/node` is imported (Node).
 */
export type LoadSource = string | URL | ModelArtifacts | ModelHandler;

/** The pieces read from a source, before the shared checks in decodeModel. */
export interface LoadedArtifacts {
  artifacts: ModelArtifacts;
  names: { modelJson: string; weights: string };
}

/** Options of `Sequential.save`. */
export interface SaveOptions {
  /**
   * For a directory target: replace `dir` even when it holds files other than a saved model (they are
   * removed with the old folder, once the new model is in place). Without it, such a `dir` is refused and
   * left untouched; a folder holding only a saved model (or nothing) is always replaced. @defaultValue false
   */
  overwrite?: boolean;
}

/** File-system access, provided by `@tensorseq/layers-core/node`: directory save/load and text files (CSVLogger). */
export interface DirectoryStore {
  save(dir: string, artifacts: ModelArtifacts, options?: SaveOptions): Promise<void>;
  load(dir: string): Promise<LoadedArtifacts>;
  /** The file's text, or '' when it does not exist. */
  readText(path: string): Promise<string>;
  writeText(path: string, text: string): Promise<void>;
  appendText(path: string, text: string): Promise<void>;
}

// On globalThis under a registered symbol: the main entry and `./node` are separate bundles (and may be
// separate copies), and both must see the one store.
const STORE_KEY = Symbol.for('tensorseq.layers-core.directoryStore');
const registry = globalThis as { [STORE_KEY]?: DirectoryStore };

/**
 * Makes directory paths work in `save` and `loadModel`; `@tensorseq/layers-core/node` calls it on import.
 *
 * @example
 * registerDirectoryStore({ save: saveDirectory, load: loadDirectory });
 */
export function registerDirectoryStore(store: DirectoryStore): void {
  registry[STORE_KEY] = store;
}

/**
 * The registered file-system store, or an error saying to import `@tensorseq/layers-core/node`.
 *
 * @example
 * await nodeFiles('CSVLogger', 'log.csv').appendText('log.csv', '0,0.5\n');
 */
export function nodeFiles(owner: string, target: string): DirectoryStore {
  const store = registry[STORE_KEY];
  if (!store) throw needsNode(owner, target);
  return store;
}

function needsNode(owner: string, target: string): Error {
  return new Error(
    `${owner}: a directory target needs Node's file system. Received: "${target}". To fix this, import '@tensorseq/layers-core/node' once in Node, or use 'indexeddb://name', 'downloads://name', a URL, or memory (save() with no argument / loadModel({ modelJson, weights })).`,
  );
}

function isArtifacts(v: unknown): v is ModelArtifacts {
  return typeof v === 'object' && v !== null && 'modelJson' in v && 'weights' in v;
}

function download(name: string, bytes: Uint8Array, type: string): void {
  const doc = (
    globalThis as {
      document?: { createElement(tag: 'a'): { href: string; download: string; click(): void } };
    }
  ).document;
  if (!doc) {
    throw new Error(
      `Sequential.save: a downloads:// target needs a browser page. Received: document=undefined. To fix this, use a directory (Node) or memory.`,
    );
  }
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Writes artifacts to a save target.
 *
 * @example
 * await saveArtifacts(await encodeModel(model), 'indexeddb://imdb');
 */
export async function saveArtifacts(
  artifacts: ModelArtifacts,
  target: SaveTarget,
  options: SaveOptions = {},
): Promise<void> {
  const owner = 'Sequential.save';
  if (typeof target === 'object' && target !== null) {
    if (typeof target.save !== 'function') {
      throw new TypeError(
        `${owner}: target must have a save(artifacts) method. Received: an object without one.`,
      );
    }
    return target.save(artifacts);
  }
  if (typeof target !== 'string' || target === '') {
    throw new TypeError(
      `${owner}: target must be a non-empty string or a ModelHandler. Received: target=${String(target)}.`,
    );
  }
  if (target.startsWith('indexeddb://'))
    return writeIndexedDb(target.slice('indexeddb://'.length), artifacts);
  if (target.startsWith('downloads://')) {
    const name = target.slice('downloads://'.length) || 'model';
    download(
      `${name}.json`,
      new TextEncoder().encode(
        JSON.stringify({ ...artifacts.modelJson, weightsPath: `${name}.weights.bin` }),
      ),
      'application/json',
    );
    download(`${name}.weights.bin`, artifacts.weights, 'application/octet-stream');
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target) && !target.startsWith('file://')) {
    throw new RangeError(
      `${owner}: target must be indexeddb://, downloads://, a directory or a ModelHandler. Received: target="${target}".`,
    );
  }
  return nodeFiles(owner, target).save(target, artifacts, options);
}

async function fetchOk(url: string, what: string): Promise<Response> {
  const res = await fetch(url).catch((e: Error) => {
    throw new Error(`loadModel: ${what} must be reachable. Received: ${e.message} for ${url}.`);
  });
  if (!res.ok)
    throw new Error(`loadModel: ${what} must be reachable. Received: HTTP ${res.status} for ${url}.`);
  return res;
}

/** Caps what a URL may send, so a hostile server cannot exhaust memory (2 GiB of weights). */
const MAX_WEIGHTS_BYTES = 2 ** 31;

/**
 * Reads the two pieces of a saved model from a load source.
 *
 * @example
 * const { artifacts } = await loadArtifacts('https://example.com/imdb/model.json');
 */
export async function loadArtifacts(source: LoadSource): Promise<LoadedArtifacts> {
  if (isArtifacts(source)) {
    return { artifacts: source, names: { modelJson: 'modelJson', weights: 'weights' } };
  }
  if (source instanceof URL) return loadUrl(source.href);
  if (typeof source === 'object' && source !== null) {
    if (typeof source.load !== 'function') {
      throw new TypeError(
        'loadModel: source must be a path, a URL, { modelJson, weights } or a ModelHandler with load(). Received: an object without them.',
      );
    }
    const artifacts = await source.load();
    return { artifacts, names: { modelJson: 'modelJson', weights: 'weights' } };
  }
  if (typeof source !== 'string' || source === '') {
    throw new TypeError(`loadModel: source must be a non-empty string. Received: source=${String(source)}.`);
  }
  if (source.startsWith('indexeddb://')) {
    const { modelJson, weights } = await readIndexedDb(source.slice('indexeddb://'.length));
    return {
      artifacts: { modelJson: parseModelJson(modelJson, `${source} model.json`), weights },
      names: { modelJson: `${source} model.json`, weights: `${source} weights` },
    };
  }
  if (/^https?:\/\//i.test(source)) return loadUrl(source);
  return nodeFiles('loadModel', source).load(source);
}

async function loadUrl(url: string): Promise<LoadedArtifacts> {
  const modelJson = parseModelJson(await (await fetchOk(url, 'model.json')).text(), url);
  const rel = (modelJson as { weightsPath?: unknown }).weightsPath;
  const weightsName = typeof rel === 'string' && /^[\w.-]+$/.test(rel) ? rel : 'weights.bin';
  const weightsUrl = new URL(weightsName, url).href;
  const res = await fetchOk(weightsUrl, 'weights.bin');
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > MAX_WEIGHTS_BYTES || modelJson.weightsByteLength > MAX_WEIGHTS_BYTES) {
    throw new RangeError(
      `loadModel: weights.bin must be at most ${MAX_WEIGHTS_BYTES} bytes. Received: ${Math.max(declared || 0, modelJson.weightsByteLength)} bytes.`,
    );
  }
  const weights = new Uint8Array(await res.arrayBuffer());
  return { artifacts: { modelJson, weights }, names: { modelJson: url, weights: weightsUrl } };
}
