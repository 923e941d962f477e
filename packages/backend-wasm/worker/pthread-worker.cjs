'use strict';
// Node entry point of tfjs-backend-wasm's pthread workers (see src/threaded-module.ts). tfjs hands
// Emscripten this script as a blob: URL, which Node's worker_threads refuse (ERR_WORKER_PATH); this file
// runs the same script, which already has Emscripten's Node branch (parentPort, importScripts via fs).
const {
  wasmWorkerContents,
} = require('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js');
// The contents come from a template literal whose "\n" escapes became real newlines inside string
// literals; escape them again, as tfjs does before making its blob.
new Function('require', '__filename', wasmWorkerContents.replace(/\n/g, '\\n'))(require, __filename);
