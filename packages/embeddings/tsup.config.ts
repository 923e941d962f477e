import { libraryConfig } from '../../scripts/tsup-config';

export default libraryConfig({ entry: ['src/index.ts', 'src/node.ts'] });
