export {
  computeFans,
  type Initializer,
  type InitializerIdentifier,
  resolveInitializer,
} from './initializers';
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
export { globalSeedStream, SeedStream, setGlobalSeed } from './random';
export { formatShape, type Shape } from './shape';
