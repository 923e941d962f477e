#!/bin/sh
# Rebuilds src/wasm/kernels-wasm.generated.ts from csrc/kernels.c.
# Needs clang and wasm-ld with the wasm32 target (Debian: apt-get install -y clang lld).
# CI does not run this: the generated module is committed.
set -eu
cd "$(dirname "$0")/.."
CLANG="${CLANG:-clang}"
mkdir -p .tmp
"$CLANG" --target=wasm32 -O3 -msimd128 -mbulk-memory -mnontrapping-fptoint -ffreestanding -nostdlib \
  -fno-builtin-memset -Wall -Wextra -Wno-unused-parameter \
  -Wl,--no-entry -Wl,--export=__heap_base -Wl,-z,stack-size=1048576 -Wl,--strip-all \
  -o .tmp/kernels.wasm csrc/kernels.c
node scripts/embed-wasm.mjs .tmp/kernels.wasm src/wasm/kernels-wasm.generated.ts
echo "built $(wc -c < .tmp/kernels.wasm) bytes -> src/wasm/kernels-wasm.generated.ts"
