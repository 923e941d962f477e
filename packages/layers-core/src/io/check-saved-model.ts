import { type ArrayEntry, MODEL_FORMAT, MODEL_FORMAT_VERSION, type SavedModel } from './model-format';

/**
 * The error for a saved model that does not hold what `save` writes.
 *
 * @example
 * throw corrupt('m/model.json', 'be valid JSON', 'Unexpected end')
 */
export function corrupt(file: string, expectation: string, received: string): Error {
  return new Error(
    `loadModel: ${file} must ${expectation}. Received: ${received}. The saved model is corrupted or truncated.`,
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * Checks the parsed `model.json` field by field (types, the format, and that the weights and slot entries
 * tile `weights.bin` exactly, in order, with no gap or overlap) before anything is built from it.
 *
 * @returns the same object, typed.
 * @throws Error naming the file and the first field that is wrong.
 * @example
 * const saved = checkSavedModel(JSON.parse(text), 'm/model.json');
 */
export function checkSavedModel(value: unknown, file: string): SavedModel {
  if (!isObject(value)) throw corrupt(file, 'hold a JSON object', typeof value);
  const saved = value as Partial<SavedModel> & Record<string, unknown>;
  if (saved.format !== MODEL_FORMAT) {
    throw corrupt(file, `have format "${MODEL_FORMAT}"`, `format=${JSON.stringify(saved.format)}`);
  }
  const version = saved.formatVersion;
  if (!Number.isInteger(version) || (version as number) < 1 || (version as number) > MODEL_FORMAT_VERSION) {
    throw corrupt(
      file,
      `have formatVersion 1..${MODEL_FORMAT_VERSION}`,
      `formatVersion=${JSON.stringify(version)}`,
    );
  }
  if ((version as number) >= 2 && typeof saved.manifestSha256 !== 'string') {
    throw corrupt(file, 'have a manifestSha256', `manifestSha256=${JSON.stringify(saved.manifestSha256)}`);
  }
  const topology = saved.modelTopology;
  if (
    !isObject(topology) ||
    topology.className !== 'Sequential' ||
    !isObject(topology.config) ||
    !Array.isArray(topology.config.layers) ||
    !topology.config.layers.every((l) => isObject(l) && typeof l.className === 'string' && isObject(l.config))
  ) {
    throw corrupt(file, 'have a Sequential modelTopology with a layers list', 'another shape');
  }
  const training = saved.trainingConfig;
  if (
    training !== null &&
    (!isObject(training) ||
      typeof training.loss !== 'string' ||
      !Array.isArray(training.metrics) ||
      !training.metrics.every((m) => typeof m === 'string') ||
      !isObject(training.optimizer) ||
      typeof training.optimizer.className !== 'string' ||
      !isObject(training.optimizer.config))
  ) {
    throw corrupt(file, 'have a trainingConfig of { loss, metrics, optimizer } or null', 'another shape');
  }
  if (!isCount(saved.weightsByteLength) || typeof saved.weightsSha256 !== 'string') {
    throw corrupt(file, 'have weightsByteLength and weightsSha256', 'missing or invalid values');
  }
  const state = saved.optimizerState;
  if (state !== null && (!isObject(state) || !isCount(state.iterations) || !Array.isArray(state.slots))) {
    throw corrupt(
      file,
      'have an optimizerState of { iterations (a count), slots } or null',
      `iterations=${JSON.stringify(isObject(state) ? state.iterations : state)}`,
    );
  }
  if (!Array.isArray(saved.weights)) throw corrupt(file, 'have a weights list', typeof saved.weights);
  const entries: unknown[] = [...saved.weights, ...(state?.slots ?? [])];
  let offset = 0;
  for (const e of entries) {
    if (!isArrayEntry(e))
      throw corrupt(
        file,
        'list arrays as { name, shape, offset }',
        JSON.stringify(e)?.slice(0, 80) ?? 'undefined',
      );
    if (e.offset !== offset) {
      throw corrupt(
        file,
        `place ${e.name} at byte ${offset} (right after the array before it)`,
        `offset=${e.offset}`,
      );
    }
    offset += e.shape.reduce((a, b) => a * b, 1) * 4;
    if (offset > saved.weightsByteLength) {
      throw corrupt(
        file,
        `fit ${e.name} in weightsByteLength=${saved.weightsByteLength}`,
        `it ends at byte ${offset}`,
      );
    }
  }
  if (offset !== saved.weightsByteLength) {
    throw corrupt(
      file,
      `cover all ${saved.weightsByteLength} bytes of weights with its arrays`,
      `${offset} bytes`,
    );
  }
  return saved as SavedModel;
}

function isArrayEntry(e: unknown): e is ArrayEntry {
  return (
    isObject(e) &&
    typeof e.name === 'string' &&
    Array.isArray(e.shape) &&
    e.shape.every(isCount) &&
    isCount(e.offset)
  );
}
