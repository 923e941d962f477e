import { readFileSync } from 'node:fs';
import { loadModel } from '@tensorseq/layers-core';
import { registerRecurrentLayers } from '@tensorseq/layers-recurrent';
import { describe, expect, it } from 'vitest';
import { type SentimentExport, sentimentModel } from '../src/sentiment-model';

const folder = new URL('../public/models/imdb-lstm/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, folder));

describe('the shipped IMDB LSTM', () => {
  it('loads with its tokenizer and scores a clearly positive and a clearly negative review apart', async () => {
    registerRecurrentLayers();
    const model = await loadModel({
      modelJson: JSON.parse(read('model.json').toString()),
      weights: read('weights.bin'),
    });
    const info = JSON.parse(read('export.json').toString()) as SentimentExport;
    const sentiment = sentimentModel(model, read('tokenizer.json').toString(), info);
    const positive = await sentiment.score(
      'A wonderful, moving film with brilliant acting. I loved it, zzyzxq.',
    );
    const negative = await sentiment.score('The worst movie ever: boring, stupid and a waste of time.');
    expect(positive.probability).toBeGreaterThan(0.5);
    expect(negative.probability).toBeLessThan(0.5);
    expect(positive).toMatchObject({ words: 11, known: 10 });
    expect(info).toMatchObject({ epochs: 2, params: model.countParams(), preprocessing: { maxlen: 500 } });
    model.dispose();
  });

  it('gives an empty review the start mark alone', async () => {
    registerRecurrentLayers();
    const model = await loadModel({
      modelJson: JSON.parse(read('model.json').toString()),
      weights: read('weights.bin'),
    });
    const info = JSON.parse(read('export.json').toString()) as SentimentExport;
    const empty = await sentimentModel(model, read('tokenizer.json').toString(), info).score('');
    expect(empty.words).toBe(0);
    expect(empty.probability).toBeGreaterThan(0);
    model.dispose();
  });
});
