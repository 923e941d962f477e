export { defaultDataDir } from './default-data-dir';
export { epochLogger } from './epoch-logger';
export { type ExperimentCliOptions, experimentCli } from './experiment-cli';
export { formatHistory } from './format-history';
export { type HistoryPanelsOptions, historyPanels, type ReferenceLine } from './history-panels';
export {
  type ExperimentArgs,
  type ParseExperimentArgsOptions,
  parseExperimentArgs,
} from './parse-experiment-args';
export { resultsDir } from './results-dir';
export { BACKEND_CHOICES, type BackendChoice, selectBackend } from './select-backend';
export { shippedDataFile } from './shipped-data-file';
export { type ChartPanel, type ChartSeries, type SvgChartOptions, svgChart } from './svg-chart';
export {
  type ExperimentFiles,
  type ExperimentResult,
  writeExperimentResults,
} from './write-experiment-results';
