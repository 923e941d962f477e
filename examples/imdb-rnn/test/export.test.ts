import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { getWordIndex, loadImdb } from '@tensorseq/datasets-imdb/node';
import { type ImdbExportManifest, runImdbExperiment } from '@tensorseq/example-utils/imdb';
import { loadModel } from '@tensorseq/layers-core';
import { registerRecurrentLayers } from '@tensorseq/layers-recurrent';
import { sampleFile } from '@tensorseq/test-utils';
import { padSequences, tokenizerFromJson } from '@tensorseq/text-vectorize';
import { describe, expect, it } from 'vitest';
import { IMDB_RNN_EXPERIMENTS } from '../src/imdb-rnn-experiments';

const wordIndex = await getWordIndex({ source: sampleFile('imdb/imdb_word_index.json') });
const imdb = await loadImdb({
  source: sampleFile('imdb/aclImdb_sample500.tar.gz'),
  wordIndex,
  numWords: 200,
});

describe('runImdbExperiment --export', () => {
  it('writes a model, tokenizer and export.json that score raw text once loaded back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imdb-export-'));
    try {
      const result = await runImdbExperiment('lstm', IMDB_RNN_EXPERIMENTS.lstm, {
        quick: true,
        epochs: 1,
        reviews: { sequences: imdb.xTrain, labels: imdb.yTrain },
        wordIndex,
        exportDir: dir,
        owner: 'imdb-rnn',
        log: () => {},
      });
      const manifest = JSON.parse(await readFile(join(dir, 'export.json'), 'utf8')) as ImdbExportManifest;
      expect(manifest).toMatchObject({
        format: 'tensorseq-imdb-export',
        experiment: 'lstm',
        command: `pnpm exp imdb-rnn lstm --epochs 1 --quick --export ${dir}`,
        epochs: 1,
        valAcc: result.final.val_acc,
        params: result.config.params,
        preprocessing: { numWords: 200, maxlen: 50, startChar: 1, reverse: false },
      });
      expect(manifest.bytes['weights.bin']).toBe((result.config.params as number) * 4);

      registerRecurrentLayers();
      const before = tf.memory().numTensors;
      const model = await loadModel(dir);
      const tokenizer = tokenizerFromJson(await readFile(join(dir, 'tokenizer.json'), 'utf8'));
      const ids = tokenizer.textsToSequences(['a film', imdbText(imdb.xTrain[0])]).map((s) => [1, ...s]);
      const x = padSequences(ids, { maxlen: 50 });
      // The tokenizer reproduces loadImdb's ids: the second row is the training review itself.
      expect(Array.from(x.data.subarray(50))).toEqual(
        Array.from(padSequences([imdb.xTrain[0]], { maxlen: 50 }).data),
      );
      const scores = model.predict(x);
      const values = await scores.data();
      expect(values.every((p) => p > 0 && p < 1)).toBe(true);
      expect(model.optimizer).toBeNull();
      scores.dispose();
      model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses --export on a --quick run without a word index', async () => {
    await expect(
      runImdbExperiment('lstm', IMDB_RNN_EXPERIMENTS.lstm, {
        quick: true,
        exportDir: 'out',
        owner: 'imdb-rnn',
      }),
    ).rejects.toThrow('imdb-rnn: --export needs the real reviews. Received: --quick with --export=out');
  });
});

/** A loadImdb sequence back as text (rank = id − 3); the oov id 2 as a word the index lacks. */
function imdbText(ids: number[]): string {
  const words = new Map([...wordIndex].map(([w, r]) => [r + 3, w]));
  return ids
    .slice(1)
    .map((id) => words.get(id) ?? 'qqqnotaword')
    .join(' ');
}
