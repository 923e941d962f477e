// The `@tensorseq/test-utils/fuzz` entry: helpers of the fast-check fuzzers, free of tfjs.
export { fuzzParams } from './fuzz-params';
export { splitBytes } from './split-bytes';
