/**
 * The slice of the WebAssembly JS API this package uses, typed locally: the repo compiles against
 * ES2022 + @types/node only, whose WebAssembly namespace is incomplete, and the package must not
 * depend on the DOM lib to type-check for its users.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

export interface WasmGlobal {
  value: unknown;
}

export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

export interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => WasmInstance;
  compile(bytes: Uint8Array): Promise<object>;
  instantiate: {
    (bytes: Uint8Array, imports: object): Promise<{ instance: WasmInstance }>;
    (module: object, imports: object): Promise<WasmInstance>;
  };
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}

/** The runtime's WebAssembly object, or undefined where there is none. */
export function webAssembly(): WebAssemblyApi | undefined {
  return (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
}
