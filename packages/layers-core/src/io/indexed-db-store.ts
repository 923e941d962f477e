import type { ModelArtifacts } from './model-format';

// The few IndexedDB shapes used here, declared locally so the sources compile without the DOM lib.
interface IdbRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface IdbOpenRequest extends IdbRequest<IdbDatabase> {
  onupgradeneeded: (() => void) | null;
}
interface IdbObjectStore {
  put(value: unknown, key: string): IdbRequest<unknown>;
  get(key: string): IdbRequest<unknown>;
}
interface IdbTransaction {
  objectStore(name: string): IdbObjectStore;
  error: unknown;
  oncomplete: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}
interface IdbDatabase {
  createObjectStore(name: string): unknown;
  transaction(store: string, mode: 'readonly' | 'readwrite'): IdbTransaction;
  close(): void;
}
interface IdbFactory {
  open(name: string, version: number): IdbOpenRequest;
}

const DB_NAME = 'tensorseq-models';
const STORE = 'models';

function open(owner: string): Promise<IdbDatabase> {
  const idb = (globalThis as { indexedDB?: IdbFactory }).indexedDB;
  if (!idb) {
    throw new Error(
      `${owner}: indexedDB must be available for an indexeddb:// target. Received: indexedDB=undefined. To fix this, run in a browser, or in Node use a directory through '@tensorseq/layers-core/node'.`,
    );
  }
  return new Promise((resolve, reject) => {
    const req = idb.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function run<T>(
  db: IdbDatabase,
  mode: 'readonly' | 'readwrite',
  op: (s: IdbObjectStore) => IdbRequest<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = op(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/**
 * Stores both pieces of a model under one key in one IndexedDB transaction (database `tensorseq-models`),
 * so a reader sees the old model or the new one, never a mix.
 *
 * @example
 * await writeIndexedDb('imdb', await encodeModel(model));
 */
export async function writeIndexedDb(name: string, artifacts: ModelArtifacts): Promise<void> {
  const db = await open('Sequential.save');
  try {
    await run(db, 'readwrite', (s) =>
      s.put({ modelJson: JSON.stringify(artifacts.modelJson), weights: artifacts.weights }, name),
    );
  } finally {
    db.close();
  }
}

/**
 * Reads what {@link writeIndexedDb} stored: `model.json` text and the weights bytes.
 *
 * @example
 * const { modelJson, weights } = await readIndexedDb('imdb');
 */
export async function readIndexedDb(name: string): Promise<{ modelJson: string; weights: Uint8Array }> {
  const db = await open('loadModel');
  try {
    const value = await run(db, 'readonly', (s) => s.get(name));
    const rec = value as { modelJson?: unknown; weights?: unknown } | undefined;
    if (!rec || typeof rec.modelJson !== 'string' || !(rec.weights instanceof Uint8Array)) {
      throw new Error(
        `loadModel: indexeddb://${name} must hold a saved model. Received: ${rec ? 'another value' : 'nothing'}.`,
      );
    }
    return { modelJson: rec.modelJson, weights: rec.weights };
  } finally {
    db.close();
  }
}
