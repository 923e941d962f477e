import { describe } from './internal/describe';
import { parseOrderedObject } from './internal/ordered-json';
import { type PyJson, pyJsonDumps } from './internal/python-json';
import type { TokenizerOptions } from './tokenizer';

/** Everything Keras' `to_json()` stores about a Tokenizer. */
export interface TokenizerState {
  options: Required<TokenizerOptions>;
  documentCount: number;
  wordCounts: ReadonlyMap<string, number>;
  wordDocs: ReadonlyMap<string, number>;
  indexDocs: ReadonlyMap<number, number>;
  indexWord: ReadonlyMap<number, string>;
  wordIndex: ReadonlyMap<string, number>;
}

const OWNER = 'Tokenizer.fromJSON';

/**
 * Keras' `Tokenizer.get_config()`: options, document count, and the five maps as JSON strings.
 *
 * @example
 * new Tokenizer().getConfig().word_index // → '{}'
 */
export interface KerasTokenizerConfig {
  num_words: number | null;
  filters: string;
  lower: boolean;
  split: string;
  char_level: boolean;
  oov_token: string | null;
  document_count: number;
  word_counts: string;
  word_docs: string;
  index_docs: string;
  index_word: string;
  word_index: string;
}

/** Keras' `get_config()`, each nested map serialized as Python's `json.dumps` does. */
export function tokenizerConfig(state: TokenizerState): KerasTokenizerConfig {
  const { options } = state;
  const nested = (map: ReadonlyMap<string | number, string | number>): string =>
    pyJsonDumps({ pairs: map.entries() });
  return {
    num_words: options.numWords,
    filters: options.filters,
    lower: options.lower,
    split: options.split,
    char_level: options.charLevel,
    oov_token: options.oovToken,
    document_count: state.documentCount,
    word_counts: nested(state.wordCounts),
    word_docs: nested(state.wordDocs),
    index_docs: nested(state.indexDocs),
    index_word: nested(state.indexWord),
    word_index: nested(state.wordIndex),
  };
}

/** Keras' `to_json()`: `{"class_name": "Tokenizer", "config": {...}}` in Python's json.dumps format. */
export function tokenizerToJson(state: TokenizerState): string {
  const config: PyJson = { pairs: Object.entries(tokenizerConfig(state)) };
  return pyJsonDumps({
    pairs: [
      ['class_name', 'Tokenizer'],
      ['config', config],
    ],
  });
}

/** Keras' `tokenizer_from_json`, validating every field (the input may be hostile). */
export function parseTokenizerJson(json: unknown): TokenizerState {
  if (typeof json !== 'string') reject('json', 'a JSON string', json, TypeError);
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch {
    reject('json', 'valid JSON', json, SyntaxError);
  }
  if (!isObject(root)) reject('json', 'a JSON object', root);
  if (root.class_name !== undefined && root.class_name !== 'Tokenizer') {
    reject('class_name', '"Tokenizer"', root.class_name);
  }
  const config = root.config;
  if (!isObject(config)) reject('config', 'an object', config);
  const options: Required<TokenizerOptions> = {
    numWords: field(config, 'num_words', (v) => v === null || isCount(v), 'null or an integer'),
    filters: field(config, 'filters', (v) => typeof v === 'string', 'a string'),
    lower: field(config, 'lower', (v) => typeof v === 'boolean', 'a boolean'),
    split: field(config, 'split', (v) => typeof v === 'string', 'a string'),
    charLevel: field(config, 'char_level', (v) => typeof v === 'boolean', 'a boolean'),
    oovToken: field(config, 'oov_token', (v) => v === null || typeof v === 'string', 'null or a string'),
  };
  const documentCount = field<number>(config, 'document_count', isCount, 'a non-negative integer');
  return {
    options,
    documentCount,
    wordCounts: nestedMap(config, 'word_counts', asWord, asCount),
    wordDocs: nestedMap(config, 'word_docs', asWord, asCount),
    indexDocs: nestedMap(config, 'index_docs', asIndex, asCount),
    indexWord: nestedMap(config, 'index_word', asIndex, asWord),
    wordIndex: nestedMap(config, 'word_index', asWord, asIndex),
  };
}

type Converter<T> = (raw: unknown) => T | undefined;

const asWord: Converter<string> = (raw) => (typeof raw === 'string' ? raw : undefined);
const asCount: Converter<number> = (raw) => (isCount(raw) ? raw : undefined);
// Python writes int keys as strings ("12"); int(k) accepts only plain decimal integers here.
const asIndex: Converter<number> = (raw) => {
  const n = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : raw;
  return isCount(n) ? n : undefined;
};

/** A config field holding a JSON object serialized as a string, parsed in order into a Map. */
function nestedMap<K, V>(
  config: Record<string, unknown>,
  name: string,
  key: Converter<K>,
  value: Converter<V>,
): Map<K, V> {
  const raw = config[name];
  if (typeof raw !== 'string') reject(`config.${name}`, 'a JSON object string', raw);
  let pairs: Array<[string, unknown]>;
  try {
    pairs = parseOrderedObject(raw);
  } catch (error) {
    reject(`config.${name}`, `a JSON object string (${(error as Error).message})`, raw, SyntaxError);
  }
  const map = new Map<K, V>();
  for (const [rawKey, rawValue] of pairs) {
    const k = key(rawKey);
    const v = value(rawValue);
    if (k === undefined || v === undefined) {
      reject(`config.${name}[${JSON.stringify(rawKey)}]`, 'a valid entry', rawValue);
    }
    map.set(k, v);
  }
  return map;
}

function field<T>(
  config: Record<string, unknown>,
  name: string,
  valid: (v: unknown) => boolean,
  expectation: string,
): T {
  const value = config[name];
  if (!valid(value)) reject(`config.${name}`, expectation, value);
  return value as T;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function reject(
  name: string,
  expectation: string,
  value: unknown,
  ErrorType: new (message: string) => Error = TypeError,
): never {
  throw new ErrorType(`${OWNER}: ${name} must be ${expectation}. Received: ${name}=${describe(value)}.`);
}
