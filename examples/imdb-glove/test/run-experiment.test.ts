import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '@tensorseq/backend-cpu';
import { loadModel } from '@tensorseq/layers-core';
import '@tensorseq/layers-core/node'; // directory save/load
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExperimentResults, runExperiment } from '../src/run-experiment';
import { writeResults } from '../src/write-results';
import {
  DIM,
  NEGATIVE,
  NEUTRAL,
  POSITIVE,
  type SyntheticCorpus,
  WITH_VECTORS,
  writeSyntheticCorpus,
} from './synthetic-corpus';

describe('runExperiment', () => {
  let corpus: SyntheticCorpus;
  let outDir: string;
  let results: ExperimentResults;
  const lines: string[] = [];

  beforeAll(async () => {
    await useBackend('cpu');
    corpus = await writeSyntheticCorpus(12);
    outDir = join(corpus.root, 'results');
    results = await runExperiment({
      imdbSource: corpus.root,
      gloveSource: corpus.glovePath,
      outDir,
      maxlen: 10,
      numWords: 50,
      trainingSamples: 8,
      validationSamples: 12,
      epochs: 1,
      batchSize: 4,
      log: (line) => lines.push(line),
    });
  });

  afterAll(async () => {
    await rm(corpus.root, { recursive: true, force: true });
  });

  it('tokenizes every review of both splits', () => {
    const vocabulary = new Set([...POSITIVE, ...NEGATIVE, ...NEUTRAL]);
    expect(results.data.trainReviews).toBe(2 * corpus.perLabel);
    expect(results.data.testReviews).toBe(2 * corpus.perLabel);
    expect(results.data.uniqueTokens).toBe(vocabulary.size);
    expect(lines).toContain(`Found ${results.data.uniqueTokens} unique tokens.`);
    // The GloVe model's summary: Embedding(50, 4) holds 200 parameters, all frozen.
    expect(lines.some((l) => /^Non-trainable params: 200\b/.test(l))).toBe(true);
  });

  it('fills one Embedding row per corpus word that has a GloVe vector', () => {
    const expected = WITH_VECTORS.filter((w) => [...POSITIVE, ...NEGATIVE, ...NEUTRAL].includes(w)).length;
    expect(results.data.gloveFound).toBe(expected);
    expect(results.data.gloveMissing).toBe(results.data.uniqueTokens - expected);
    expect(results.config.embeddingDim).toBe(DIM);
  });

  it('records one epoch of loss, acc, val_loss and val_acc for both models', () => {
    for (const model of [results.glove, results.noGlove]) {
      expect(Object.keys(model.history).sort()).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
      for (const values of Object.values(model.history)) expect(values).toHaveLength(1);
      expect(model.test.acc).toBeGreaterThanOrEqual(0);
      expect(model.test.acc).toBeLessThanOrEqual(1);
    }
  });

  it('keeps the GloVe vectors frozen through training', async () => {
    const saved = await loadModel(join(outDir, 'pre-trained-glove-model'));
    const weights = saved.getWeights();
    const rows = (await weights[0].array()) as number[][];
    tf.dispose(weights);
    saved.dispose();
    const nonZero = rows.filter((row) => row.some((v) => v !== 0));
    expect(nonZero).toHaveLength(results.data.gloveFound);
    const file = (await readFile(corpus.glovePath, 'utf8')).trim().split('\n');
    const vectors = file.map((line) => line.split(' ').slice(1).map(Number));
    for (const row of nonZero) {
      expect(vectors.some((v) => v.every((x, d) => Math.abs(x - row[d]) < 1e-6))).toBe(true);
    }
  });

  it('writes the results JSON and a four-panel SVG', async () => {
    const files = await writeResults(outDir, results);
    expect(JSON.parse(await readFile(files.json, 'utf8'))).toEqual(results);
    const svg = await readFile(files.svg, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/data-series="Training /g)).toHaveLength(4);
    expect(svg.match(/data-series="Validation /g)).toHaveLength(4);
    const quick = await writeResults(outDir, { ...results, config: { ...results.config, quick: true } });
    expect(quick.json).toBe(join(outDir, 'imdb-glove-quick.json'));
  });
});
