/**
 * IMDB loading: streaming the shared aclImdb archive (gunzip + tar parse in memory, 50,000 reviews) and
 * turning the reviews into Keras `imdb.load_data` sequences with the word index. Skips when
 * ../shared/data is absent.
 *
 * Run: pnpm bench datasets
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getWordIndex, loadImdb, loadImdbText } from '@tensorseq/datasets-imdb';
import { printTable, time, writeResults } from '../src/measure';

const SHARED = join(import.meta.dirname, '../../../shared/data');
const ARCHIVE = join(SHARED, 'aclImdb_labeled.tar.gz');

if (!existsSync(ARCHIVE)) {
  console.log(`(skipped: ${ARCHIVE} is absent)`);
} else {
  const text = await loadImdbText({ source: ARCHIVE });
  const wordIndex = await getWordIndex({ source: join(SHARED, 'imdb_word_index.json') });
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
