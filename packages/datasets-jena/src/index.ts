export type { JenaTable } from './clean-jena';
export {
  type CommonSenseBaselineOptions,
  type CommonSenseBaselineResult,
  commonSenseBaselineMae,
} from './common-sense-baseline-mae';
export { parseDuration, type RowsOrDuration } from './duration';
export type { JenaData, JenaParseOptions } from './jena-from-csvs';
export type { GapReport, JenaCleanOptions, JenaQuality, SentinelReport } from './jena-quality';
export { JENA_CSV_NAME, JENA_URL, JENA_ZIP_NAME } from './jena-source';
export { type LoadJenaOptions, loadJena } from './load-jena';
export type { NDArray, TypedArray } from './nd-array';
export { denormalize, type NormalizationStats, type NormalizeOptions, normalize } from './normalize';
export { type ParsedJenaCsv, type ParseJenaCsvOptions, parseJenaCsv } from './parse-jena-csv';
export {
  type TimeseriesBatch,
  type TimeseriesDataset,
  type TimeseriesDatasetOptions,
  timeseriesDatasetFromArray,
} from './timeseries-dataset-from-array';
export {
  type WindowBatch,
  type WindowGeneratorOptions,
  windowGenerator,
} from './window-generator';
