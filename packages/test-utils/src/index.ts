export { repoRoot } from '#host-files';
export { type FullDataFile, fullDataFile, sampleFile } from './data-files';
export { type CloseOptions, expectClose } from './expect-close';
export { type FixtureTensor, toTensor } from './fixture-tensor';
export { fuzzParams } from './fuzz-params';
export { conformanceDir, conformanceFile, loadConformance, reportChecked } from './load-conformance';
export type { ModelFixtureCase, NamedFixtureTensor, RmspropStepFixture } from './model-fixture';
export { splitBytes } from './split-bytes';
export { type TestBackend, testBackendName, useTestBackend } from './test-backend';
