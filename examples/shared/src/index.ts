export { type BestEpoch, type BookFigure, bestEpoch } from './book-figure';
export { type DataSource, describeDataFile } from './data-source';
export { defaultDataDir } from './default-data-dir';
export { epochLogger } from './epoch-logger';
export { epochProgress } from './epoch-progress';
export { type ExperimentCliOptions, type ExperimentRunArgs, experimentCli } from './experiment-cli';
export { type ExperimentInfo, experimentInfo, formatExperimentList } from './experiment-info';
export { formatHistory } from './format-history';
export { type HistoryPanelsOptions, historyPanels, type ReferenceLine } from './history-panels';
export { type MissingData, missingDataError } from './missing-data-error';
export {
  type ExperimentArgs,
  type ParseExperimentArgsOptions,
  parseExperimentArgs,
} from './parse-experiment-args';
export { resultsDir } from './results-dir';
export {
  type ResumableFitOptions,
  type ResumableFitResult,
  type ResumableFitRun,
  resumableFit,
} from './resumable-fit';
export { type RunEnvironment, runEnvironment } from './run-environment';
export { restoreSeedStreamState, seedStreamState } from './seed-stream-state';
export { BACKEND_CHOICES, type BackendChoice, selectBackend } from './select-backend';
export { shippedDataFile } from './shipped-data-file';
export { type ChartPanel, type ChartSeries, type SvgChartOptions, svgChart } from './svg-chart';
export {
  DEFAULT_SEED,
  type ExperimentFiles,
  type ExperimentResult,
  experimentChart,
  writeExperimentResults,
} from './write-experiment-results';
