import { libraryConfig } from '../../scripts/tsup-config';

// shims: the CommonJS build of ./node needs import.meta.url to find tfjs-backend-wasm's .wasm files.
// splitting: ./node shares the main entry's code (and its state) through a chunk instead of a copy.
export default libraryConfig({ entry: ['src/index.ts', 'src/node.ts'], shims: true, splitting: true });
