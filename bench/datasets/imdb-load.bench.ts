/**
 * IMDB loading: streaming the full aclImdb archive (gunzip + tar parse in memory, 50,000 reviews) and
 * turning the reviews into Keras `imdb.load_data` sequences with the word index. Reads
 * `$TENSORSEQ_DATA/aclImdb_labeled.tar.gz` (or `aclImdb_v1.tar.gz`); skips with a message without it.
 *
 * Run: TENSORSEQ_DATA=/path/to/data pnpm bench datasets
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getWordIndex, loadImdb, loadImdbText } from '@tensorseq/datasets-imdb';
import { printTable, time, writeResults } from '../src/measure';

const DATA = process.env.TENSORSEQ_DATA ?? '';
const ARCHIVE = ['aclImdb_labeled.tar.gz', 'aclImdb_v1.tar.gz'].map((f) => join(DATA, f)).find(existsSync);

if (!DATA || !ARCHIVE) {
  console.log('(skipped: the full IMDB archive is not under $TENSORSEQ_DATA)');
} else {
  const text = await loadImdbText({ source: ARCHIVE });
  const wordIndex = await getWordIndex({ source: join(DATA, 'imdb_word_index.json') });
  const read = await time(() => loadImdbText({ source: ARCHIVE }), { warmup: 0, runs: 3 });
  const encode = await time(() => loadImdb({ text, wordIndex, numWords: 10_000 }), { warmup: 0, runs: 3 });
  const { coverage } = await loadImdb({ text, wordIndex, numWords: 10_000 });
  const rows = [
    { step: 'loadImdbText (50,000 reviews from tar.gz)', 'median ms': read.medianMs, 'min ms': read.minMs },
    { step: 'loadImdb (tokenize + index + shuffle)', 'median ms': encode.medianMs, 'min ms': encode.minMs },
  ];
  printTable(rows);
  console.log(`coverage: ${coverage.inIndex} / ${coverage.tokens} tokens in the word index`);
  console.log(`results: ${writeResults('imdb-load', { rows, coverage })}`);
}
