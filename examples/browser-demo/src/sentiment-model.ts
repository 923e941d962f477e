import { loadModel, type Sequential } from '@tensorseq/layers-core';
import { registerRecurrentLayers } from '@tensorseq/layers-recurrent';
import { padSequences, type Tokenizer, tokenizerFromJson } from '@tensorseq/text-vectorize';

/** The part of `export.json` (written by `pnpm exp imdb-rnn lstm --export <dir>`) the page uses. */
export interface SentimentExport {
  title: string;
  command: string;
  epochs: number;
  valAcc: number;
  params: number;
  preprocessing: { numWords: number; maxlen: number; startChar: number; oovChar: number; reverse: boolean };
  data: { file: string; sha256: string }[];
}

/** One scored review. */
export interface SentimentScore {
  /** The model's probability that the review is positive. */
  probability: number;
  /** Words in the review, and how many of them are in the model's 9,997-word vocabulary. */
  words: number;
  known: number;
}

/** A loaded IMDB classifier with its tokenizer. */
export interface SentimentModel {
  info: SentimentExport;
  score(text: string): Promise<SentimentScore>;
}

/**
 * Loads an exported IMDB model (model.json + weights.bin through `loadModel(url)`, tokenizer.json,
 * export.json) from a folder URL, ready to score raw text as `loadImdb` would have encoded it: the
 * tokenizer's ids after the start mark, pre-padded and pre-truncated to `maxlen`.
 *
 * @param folder - the export's folder URL, ending in `/`.
 * @returns the model and its `score(text)`.
 * @example
 * const sentiment = await loadSentimentModel(new URL('models/imdb-lstm/', location.href));
 * (await sentiment.score('A wonderful, moving film.')).probability; // → ≈ 0.9
 */
export async function loadSentimentModel(folder: URL): Promise<SentimentModel> {
  registerRecurrentLayers();
  const [info, tokenizerJson, model] = await Promise.all([
    fetchText(new URL('export.json', folder)).then((t) => JSON.parse(t) as SentimentExport),
    fetchText(new URL('tokenizer.json', folder)),
    loadModel(new URL('model.json', folder)),
  ]);
  return sentimentModel(model, tokenizerJson, info);
}

/**
 * Puts a loaded IMDB classifier, its tokenizer JSON and its `export.json` together (what
 * {@link loadSentimentModel} does after fetching them; tests read them from disk instead).
 *
 * @param model - the classifier.
 * @param tokenizerJson - the content of `tokenizer.json`.
 * @param info - the content of `export.json`.
 * @returns the model and its `score(text)`.
 * @example
 * const sentiment = sentimentModel(await loadModel(artifacts), tokenizerJson, info);
 */
export function sentimentModel(
  model: Sequential,
  tokenizerJson: string,
  info: SentimentExport,
): SentimentModel {
  const tokenizer = tokenizerFromJson(tokenizerJson);
  return { info, score: (text) => scoreReview(model, tokenizer, info.preprocessing, text) };
}

async function scoreReview(
  model: Sequential,
  tokenizer: Tokenizer,
  pre: SentimentExport['preprocessing'],
  text: string,
): Promise<SentimentScore> {
  const ids = tokenizer.textsToSequences([text])[0];
  const sequence = [pre.startChar, ...ids];
  const x = padSequences([pre.reverse ? sequence.reverse() : sequence], { maxlen: pre.maxlen });
  const y = model.predict(x);
  try {
    const [probability] = await y.data();
    return { probability, words: ids.length, known: ids.filter((id) => id !== pre.oovChar).length };
  } finally {
    y.dispose();
  }
}

async function fetchText(url: URL): Promise<string> {
  const res = await fetch(url);
  if (!res.ok)
    throw new Error(`loadSentimentModel: ${url.href} must be served. Received: HTTP ${res.status}.`);
  return res.text();
}
