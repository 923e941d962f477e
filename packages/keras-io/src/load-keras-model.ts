import type { Sequential } from '@tensorseq/layers-core';
import { buildSequential, DEFAULT_MAX_PARAMETERS } from './build-sequential';
import { compileIfPossible } from './compile-from-keras';
import { detectContainer } from './detect-format';
import { readH5 } from './h5';
import { KerasIoError } from './keras-io-error';
import { toModelSpec } from './model-config';
import { isObject, type Json, own, parseJson } from './parse-json';
import { readArchive } from './read-archive';
import { DEFAULT_MAX_BYTES, type KerasSource, readSource } from './read-source';
import { legacyWeightSource, stringAttribute, zipWeightSource } from './weight-source';

/** Options of {@link loadKerasModel}. */
export interface LoadKerasModelOptions {
  /** Refuse files (and archive members) larger than this many bytes. @defaultValue 2 GiB */
  maxBytes?: number;
  /** Refuse models with more weight values than this. @defaultValue 2^28 */
  maxParameters?: number;
  /** Compile the model from the file's training config when tensorseq has its optimizer, loss and metrics. @defaultValue true */
  compile?: boolean;
}

/** Options with every default filled in. */
export interface ResolvedLoadOptions {
  maxBytes: number;
  maxParameters: number;
  compile: boolean;
}

/** Checks {@link LoadKerasModelOptions} once, at the entry. */
export function resolveLoadOptions(options: LoadKerasModelOptions, owner: string): ResolvedLoadOptions {
  const { maxBytes = DEFAULT_MAX_BYTES, maxParameters = DEFAULT_MAX_PARAMETERS, compile = true } = options;
  for (const [key, value] of [
    ['maxBytes', maxBytes],
    ['maxParameters', maxParameters],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new KerasIoError(
        'bad-source',
        `${owner}: ${key} must be a positive integer. Received: ${key}=${value}.`,
      );
    }
  }
  return { maxBytes, maxParameters, compile };
}

/**
 * Opens a Keras model file as a tensorseq `Sequential` with its trained weights: the legacy HDF5 format
 * (Keras 2.0 to TF 2.x `model.save('m.h5')`, also when named `.keras`) and the zip `.keras` format
 * (Keras >= 2.13 and Keras 3), told apart by their bytes. Sequential models and Functional models that
 * form a single chain load; the model is compiled from the file's training config when tensorseq has its
 * optimizer, loss and metrics. This entry takes bytes, a `Response` or a URL (fetched); for file paths use
 * `@tensorseq/keras-io/node`.
 *
 * @param source - the file's bytes, a fetch `Response`, or an http(s) URL.
 * @returns the built model (call `predict` at once).
 * @throws {@link KerasIoError} for an unreadable file, an unsupported layer or option (naming it and the
 *   file's Keras version), a non-chain Functional model, weights that disagree with the config, or a file
 *   over `maxBytes` / `maxParameters`.
 * @example
 * const model = await loadKerasModel(await fetch('/models/jena_gru.keras'));
 * model.predict(tf.zeros([1, 120, 14])).shape; // → [1, 1]
 */
export async function loadKerasModel(
  source: KerasSource,
  options: LoadKerasModelOptions = {},
): Promise<Sequential> {
  const resolved = resolveLoadOptions(options, 'loadKerasModel');
  const bytes = await readSource(source, 'loadKerasModel', resolved.maxBytes);
  return loadKerasModelFromBytes(bytes, resolved);
}

/** {@link loadKerasModel} once the bytes are in memory (shared with the `./node` entry). */
export async function loadKerasModelFromBytes(
  bytes: Uint8Array,
  options: ResolvedLoadOptions,
): Promise<Sequential> {
  const owner = 'loadKerasModel';
  const container = detectContainer(bytes);
  if (container === 'zip') {
    const archive = readArchive(bytes, options.maxBytes, owner);
    const metadata = archive.metadata === null ? null : parseJson(archive.metadata, 'metadata.json');
    const version =
      isObject(metadata) && typeof own(metadata, 'keras_version') === 'string'
        ? (own(metadata, 'keras_version') as string)
        : '3 (no metadata.json)';
    const config = parseJson(archive.config, 'config.json');
    const spec = toModelSpec(config, version);
    return readH5(
      archive.weights,
      (file) => {
        const weights = zipWeightSource(
          file,
          spec.layers.map((l) => l.className),
          version,
          owner,
        );
        const model = buildSequential(spec, version, weights, options.maxParameters, owner);
        if (options.compile && isObject(config))
          compileIfPossible(model, own(config, 'compile_config'), version);
        return model;
      },
      owner,
    );
  }
  if (container === 'hdf5') {
    return readH5(
      bytes,
      (file) => {
        const version = stringAttribute(file, 'keras_version')?.[0] ?? 'unknown';
        const modelConfig = stringAttribute(file, 'model_config')?.[0];
        if (modelConfig === undefined) {
          throw new KerasIoError(
            'bad-file',
            `${owner}: a legacy HDF5 model file must have a model_config attribute. Received: none (a weights-only file? Keras ${version}). To fix this, build the model in tensorseq and call loadKerasWeights(model, source).`,
          );
        }
        const spec = toModelSpec(parseJson(modelConfig, 'model_config'), version);
        const root = file.get('model_weights');
        if (!root || (root as { type?: string }).type !== 'Group') {
          throw new KerasIoError(
            'bad-file',
            `${owner}: a legacy HDF5 model file must have a model_weights group. Received: none (Keras ${version}).`,
          );
        }
        const weights = legacyWeightSource(root as Parameters<typeof legacyWeightSource>[0], version, owner);
        const model = buildSequential(spec, version, weights, options.maxParameters, owner);
        if (options.compile) {
          const training = stringAttribute(file, 'training_config')?.[0];
          if (training !== undefined)
            compileIfPossible(model, parseJson(training, 'training_config') as Json, version);
        }
        return model;
      },
      owner,
    );
  }
  throw new KerasIoError(
    'bad-file',
    `${owner}: source must be a Keras model file (HDF5 or zip .keras). Received: ${bytes.length} bytes starting with ${Array.from(bytes.slice(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ')}.`,
  );
}
