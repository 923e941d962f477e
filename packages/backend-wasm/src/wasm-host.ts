type TfjsWasm = typeof import('@tensorflow/tfjs-backend-wasm');

/**
 * What a runtime adds to starting tfjs-backend-wasm: where its `.wasm` files are when the caller does not
 * say, and how to start its threaded build. The main entry's host knows neither (a bundle serves the
 * files; a browser starts the threads itself); the `./node` entry's finds both.
 */
export interface WasmHost {
  /** The folder of the `.wasm` files, or null for tfjs' own default. */
  wasmDir(): Promise<string | null>;
  /** Makes the next wasm backend start threaded with `threads`; returns the undo. Null: cannot in Node. */
  startThreaded: ((wasm: TfjsWasm, threads: number) => () => void) | null;
}
