import { NODE_WORKER_SOURCE, WEB_WORKER_SOURCE } from './worker-source';

/** What a kernels worker receives: the compiled threaded module, the shared memory and its stack. */
export interface WorkerData {
  module: object;
  memory: object;
  control: SharedArrayBuffer;
  stackTop: number;
  entries: readonly string[];
  /** How long an idle worker polls for the next call before it sleeps, in milliseconds. */
  spinMs: number;
}

/** A started worker. */
export interface KernelsWorker {
  terminate(): void;
}

/** Starts kernels workers on this platform. */
export interface WorkerHost {
  /** `'worker_threads'` (Node.js) or `'web-workers'` (browsers). */
  readonly kind: 'worker_threads' | 'web-workers';
  /** Whether the calling thread may block in `Atomics.wait` (not on a browser's main thread). */
  readonly canBlock: boolean;
  start(data: WorkerData): KernelsWorker;
}

interface NodeWorker {
  unref(): void;
  terminate(): Promise<number>;
}

interface WorkerThreadsModule {
  Worker: new (source: string, options: { eval: true; workerData: unknown }) => NodeWorker;
}

interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
}

interface WebGlobals {
  Worker?: new (url: string, options?: { name?: string }) => WebWorker;
  Blob?: new (parts: string[], options: { type: string }) => object;
  URL?: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void };
  crossOriginIsolated?: boolean;
}

/** `node:worker_threads` when this is Node (synchronously: kernels are synchronous calls), else undefined. */
export function nodeWorkerThreads(): WorkerThreadsModule | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return proc?.getBuiltinModule?.('node:worker_threads') as WorkerThreadsModule | undefined;
  } catch {
    return undefined;
  }
}

/** Whether `Atomics.wait` may block here (it throws on a browser's main thread). */
function blockingAllowed(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

function nodeHost(threads: WorkerThreadsModule): WorkerHost {
  return {
    kind: 'worker_threads',
    canBlock: true,
    start(data) {
      const worker = new threads.Worker(NODE_WORKER_SOURCE, { eval: true, workerData: data });
      // Never keep Node alive for the pool's sake.
      worker.unref();
      return { terminate: () => void worker.terminate() };
    },
  };
}

function webHost(web: Required<Pick<WebGlobals, 'Worker' | 'Blob' | 'URL'>>): WorkerHost {
  let url: string | null = null;
  return {
    kind: 'web-workers',
    canBlock: blockingAllowed(),
    start(data) {
      url ??= web.URL.createObjectURL(new web.Blob([WEB_WORKER_SOURCE], { type: 'text/javascript' }));
      const worker = new web.Worker(url, { name: 'tensorseq-kernels' });
      worker.postMessage(data);
      return { terminate: () => worker.terminate() };
    },
  };
}

/**
 * How kernels workers start here, or why they cannot: Node's `worker_threads`, or dedicated Web Workers
 * on a cross-origin isolated page (the only pages where browsers share memory between threads).
 */
export function workerHost(): WorkerHost | string {
  const node = nodeWorkerThreads();
  if (node !== undefined) return nodeHost(node);
  const web = globalThis as WebGlobals;
  if (typeof web.Worker !== 'function' || typeof web.Blob !== 'function' || web.URL === undefined)
    return 'no worker threads here (neither Node.js worker_threads nor Web Workers)';
  if (web.crossOriginIsolated !== true)
    return 'the page is not cross-origin isolated (serve it with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp)';
  return webHost({ Worker: web.Worker, Blob: web.Blob, URL: web.URL });
}
