export { columnTargets } from './column-targets';
export type { JenaExperiment, JenaModelSizes } from './jena-experiment';
export { defaultJenaSource, JENA_HOURLY_FILE, SHIPPED_JENA_HOURLY, shippedJenaSample } from './jena-source';
export { type RunJenaExperimentOptions, runJenaExperiment } from './run-jena-experiment';
