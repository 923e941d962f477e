export {
  assertInRange,
  assertNonNegativeInteger,
  assertOneOf,
  assertPositiveInteger,
  assertRank,
  type RangeBounds,
} from '@tensorseq/utils';
export {
  type ActivationFunction,
  type ActivationName,
  activationNames,
  resolveActivation,
} from './activations';
export type {
  Callback,
  CallbackModel,
  Logs,
  TrainingParams,
} from './callbacks/callback';
export { CSVLogger, type CsvLoggerOptions } from './callbacks/csv-logger';
export { EarlyStopping, type EarlyStoppingOptions } from './callbacks/early-stopping';
export { History } from './callbacks/history';
export {
  formatCheckpointPath,
  ModelCheckpoint,
  type ModelCheckpointOptions,
} from './callbacks/model-checkpoint';
export { ProgressLogger, type ProgressLoggerOptions } from './callbacks/progress-logger';
export { TerminateOnNaN } from './callbacks/terminate-on-nan';
export { type EmbeddedIds, type EmbeddingConsumer, isEmbeddingConsumer } from './embedded-ids';
export {
  computeFans,
  constant,
  type Initializer,
  type InitializerIdentifier,
  identity,
  initializerNames,
  orthogonal,
  randomNormal,
  randomUniform,
  resolveInitializer,
  type SerializedInitializer,
  serializeInitializer,
  truncatedNormal,
  type VarianceScalingOptions,
  varianceScaling,
} from './initializers';
export { loadModel } from './io/load-model';
export {
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type ModelArtifacts,
  type SavedModel,
} from './io/model-format';
export {
  type DirectoryStore,
  type LoadedArtifacts,
  type LoadSource,
  type ModelHandler,
  registerDirectoryStore,
  type SaveOptions,
  type SaveTarget,
} from './io/model-handlers';
export {
  type AddWeightOptions,
  type CallArgs,
  deserializeLayer,
  Layer,
  type LayerClass,
  type LayerConfig,
  type LayerOptions,
  type LayerOutput,
  registerLayer,
} from './layer';
export { LayerWeight } from './layer-weight';
export { Activation, type ActivationOptions } from './layers/activation';
export { Dense, type DenseOptions } from './layers/dense';
export { Dropout, type DropoutOptions } from './layers/dropout';
export { Embedding, type EmbeddingOptions } from './layers/embedding';
export { Flatten } from './layers/flatten';
export { TimeDistributed, type TimeDistributedOptions } from './layers/time-distributed';
export { EPSILON, type LossFunction, type LossName, lossNames, resolveLoss } from './losses';
export { type MetricFunction, metricNames, resolveMetric } from './metrics';
export { embeddingLookup } from './ops/embedding-lookup';
export { Adam, type AdamOptions } from './optimizers/adam';
export {
  HostOptimizer,
  type Optimizer,
  type OptimizerSlot,
  type OptimizerState,
  type WeightGradient,
} from './optimizers/optimizer';
export { type OptimizerIdentifier, resolveOptimizer } from './optimizers/resolve-optimizer';
export { RMSprop, type RmspropOptions, type RmspropVariant } from './optimizers/rmsprop';
export { SGD, type SgdOptions } from './optimizers/sgd';
export { globalSeedStream, SeedStream, setGlobalSeed } from './random';
export { registerCoreLayers } from './register-core-layers';
export { registerGradients } from './register-gradients';
export { Sequential } from './sequential';
export type {
  CompileOptions,
  EvaluateOptions,
  FitGeneratorOptions,
  FitOptions,
  SequentialOptions,
} from './sequential-options';
export { formatShape, type Shape } from './shape';
export { formatSummary, type SummaryOptions } from './summary';
export type { Batch, BatchGenerator } from './training/batch-source';
export type { ModelData, NDArrayLike, NestedArray } from './training/host-array';
