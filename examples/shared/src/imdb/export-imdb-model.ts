import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { registerConv1dLayers } from '@tensorseq/layers-conv1d';
import { Sequential } from '@tensorseq/layers-core';
import '@tensorseq/layers-core/node';
import { registerRecurrentLayers } from '@tensorseq/layers-recurrent';
import type { DataSource } from '../data-source';
import { imdbTokenizerJson } from './imdb-tokenizer-json';

/** What `export.json` says about an exported IMDB model: how to feed it, and where it came from. */
export interface ImdbExportManifest {
  format: 'tensorseq-imdb-export';
  formatVersion: 1;
  /** The model, in layers-core's save format (`loadModel` reads it; no optimizer state). */
  model: 'model.json';
  /** Keras `Tokenizer.to_json()`: text → ids; prepend `startChar`, then `padSequences(maxlen)`. */
  tokenizer: 'tokenizer.json';
  preprocessing: {
    numWords: number;
    maxlen: number;
    startChar: 1;
    oovChar: 2;
    indexFrom: 3;
    /** Reverse the ids before padding (the reversed-sequence LSTM). */
    reverse: boolean;
    padding: 'pre';
    truncating: 'pre';
  };
  experiment: string;
  title: string;
  /** The command that trained and exported it. */
  command: string;
  seed: number;
  epochs: number;
  reviews: number;
  params: number;
  /** Validation accuracy after the last epoch, and the best over the run. */
  valAcc: number;
  bestValAcc: number;
  data: DataSource[];
  /** Bytes of each file written. */
  bytes: Record<string, number>;
  exportedAt: string;
}

/** Options of {@link exportImdbModel}. */
export interface ExportImdbModelOptions
  extends Omit<
    ImdbExportManifest,
    'format' | 'formatVersion' | 'model' | 'tokenizer' | 'preprocessing' | 'bytes' | 'exportedAt' | 'params'
  > {
  /** Keras' IMDB word index (`getWordIndex()`), word → rank. */
  wordIndex: ReadonlyMap<string, number>;
  numWords: number;
  maxlen: number;
  reverse: boolean;
}

/**
 * `--export <dir>`: writes a trained IMDB classifier for inference anywhere (the browser demo reads it):
 * `model.json` + `weights.bin` (layers-core's save format, an uncompiled copy so no optimizer state),
 * `tokenizer.json` (Keras' Tokenizer JSON reproducing `loadImdb`'s ids, see {@link imdbTokenizerJson})
 * and `export.json` (preprocessing and provenance: command, data sha256, epochs, validation accuracy,
 * sizes).
 *
 * @param model - the trained model.
 * @param dir - the folder (created; a previous export there is replaced).
 * @param options - preprocessing and provenance.
 * @returns the manifest written to `export.json`.
 * @example
 * await exportImdbModel(model, 'export/lstm', { wordIndex, numWords: 10000, maxlen: 500, reverse: false, … });
 */
export async function exportImdbModel(
  model: Sequential,
  dir: string,
  options: ExportImdbModelOptions,
): Promise<ImdbExportManifest> {
  const { wordIndex, numWords, maxlen, reverse, ...provenance } = options;
  // The copy is rebuilt from its config, so every layer an IMDB experiment uses must be registered.
  registerRecurrentLayers();
  registerConv1dLayers();
  const inference = Sequential.fromConfig(model.getConfig());
  const weights = model.getWeights();
  try {
    inference.setWeights(weights);
    await inference.save(dir, { overwrite: true });
  } finally {
    for (const w of weights) w.dispose();
    inference.dispose();
  }
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'tokenizer.json'), imdbTokenizerJson(wordIndex, { numWords }));
  const bytes: Record<string, number> = {};
  for (const file of ['model.json', 'weights.bin', 'tokenizer.json']) {
    bytes[file] = (await stat(join(dir, file))).size;
  }
  const manifest: ImdbExportManifest = {
    format: 'tensorseq-imdb-export',
    formatVersion: 1,
    model: 'model.json',
    tokenizer: 'tokenizer.json',
    preprocessing: {
      numWords,
      maxlen,
      startChar: 1,
      oovChar: 2,
      indexFrom: 3,
      reverse,
      padding: 'pre',
      truncating: 'pre',
    },
    ...provenance,
    params: model.countParams(),
    bytes,
    exportedAt: new Date().toISOString(),
  };
  await writeFile(join(dir, 'export.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
