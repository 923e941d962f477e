export { type CloseOptions, expectClose } from './expect-close';
export { type FixtureTensor, toTensor } from './fixture-tensor';
export { conformanceDir, loadConformance } from './load-conformance';
