#!/bin/sh
# Rebuilds the two WebAssembly modules from csrc/kernels.c:
#   src/wasm/kernels-wasm.generated.ts     single-threaded, owns its memory (runs everywhere)
#   src/wasm/kernels-mt-wasm.generated.ts  threaded: imports a shared memory; one instance per thread,
#                                          each with its own stack (exported __stack_pointer)
# Needs clang and wasm-ld with the wasm32 target (Debian: apt-get install -y clang lld).
# CI does not run this: the generated modules are committed.
set -eu
cd "$(dirname "$0")/.."
CLANG="${CLANG:-clang}"
mkdir -p .tmp
COMMON="--target=wasm32 -O3 -msimd128 -mbulk-memory -mnontrapping-fptoint -ffreestanding -nostdlib \
  -fno-builtin-memset -Wall -Wextra -Wno-unused-parameter -Wl,--no-entry -Wl,--export=__heap_base -Wl,--strip-all"
# shellcheck disable=SC2086
"$CLANG" $COMMON -Wl,-z,stack-size=1048576 -o .tmp/kernels.wasm csrc/kernels.c
# shellcheck disable=SC2086
"$CLANG" $COMMON -matomics -mmutable-globals -Wl,-z,stack-size=1048576 -Wl,--shared-memory -Wl,--import-memory \
  -Wl,--initial-memory=16777216 -Wl,--max-memory=4294967296 -Wl,--export=__stack_pointer \
  -o .tmp/kernels-mt.wasm csrc/kernels.c
node scripts/embed-wasm.mjs .tmp/kernels.wasm src/wasm/kernels-wasm.generated.ts KERNELS_WASM_BASE64 \
  "The kernels module (wasm32 + simd128) as base64."
node scripts/embed-wasm.mjs .tmp/kernels-mt.wasm src/wasm/kernels-mt-wasm.generated.ts KERNELS_MT_WASM_BASE64 \
  "The threaded kernels module (wasm32 + simd128 + threads, imports a shared memory) as base64."
echo "built $(wc -c < .tmp/kernels.wasm) + $(wc -c < .tmp/kernels-mt.wasm) bytes -> src/wasm/*.generated.ts"
