import { libraryConfig } from '../../scripts/tsup-config';

// Two entries: the universal main entry and `./node` (directory save/load).
export default libraryConfig({ entry: ['src/index.ts', 'src/node.ts'] });
