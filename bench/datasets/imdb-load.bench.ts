/**
 * IMDB loading: streaming the full aclImdb archive (gunzip + tar parse in memory, 50,000 reviews) and
 * turning the reviews into Keras `imdb.load_data` sequences with the word index. Skips when
 * `$TENSORSEQ_DATA` does not hold the archive and the word index.
 *
 * Run: TENSORSEQ_DATA=/path/to/data pnpm bench datasets
 */
import { getWordIndex, loadImdb, loadImdbText } from '@tensorseq/datasets-imdb/node';
import { benchDataFile, printTable, time, writeResults } from '../src/measure';

const archive = benchDataFile('aclImdb_labeled.tar.gz');
const index = benchDataFile('imdb_word_index.json');

if ('skip' in archive || 'skip' in index) {
  console.log('skip' in archive ? archive.skip : (index as { skip: string }).skip);
} else {
  const ARCHIVE = archive.path;
  const text = await loadImdbText({ source: ARCHIVE });
  const wordIndex = await getWordIndex({ source: index.path });
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
