import { libraryConfig } from '../../scripts/tsup-config';

// shims: the CommonJS build needs import.meta.url to find tfjs-backend-wasm's .wasm files.
export default libraryConfig({ entry: ['src/index.ts'], shims: true });
