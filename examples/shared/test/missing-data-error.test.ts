import { afterEach, describe, expect, it } from 'vitest';
import { missingDataError } from '../src/missing-data-error';

describe('missingDataError', () => {
  const saved = process.env.TENSORSEQ_DATA;
  afterEach(() => {
    if (saved === undefined) delete process.env.TENSORSEQ_DATA;
    else process.env.TENSORSEQ_DATA = saved;
  });

  it('names the data set, the URL, the checksum and how to point TENSORSEQ_DATA at a copy', () => {
    delete process.env.TENSORSEQ_DATA;
    const error = missingDataError({
      owner: 'imdb-rnn',
      dataset: 'the IMDB reviews',
      files: [
        { fileName: 'aclImdb_v1.tar.gz', url: 'https://example.org/aclImdb_v1.tar.gz', sha256: 'c40f' },
        { fileName: 'imdb_word_index.json', url: 'https://example.org/imdb_word_index.json', sha256: '0273' },
      ],
      cause: 'network: ENOTFOUND',
    });
    expect(error.name).toBe('MissingDataError');
    expect(error.message).toBe(
      'imdb-rnn: the IMDB reviews must be available. Received: TENSORSEQ_DATA is not set, and the download failed (network: ENOTFOUND). To fix this, download https://example.org/aclImdb_v1.tar.gz (sha256 c40f) as aclImdb_v1.tar.gz, and https://example.org/imdb_word_index.json (sha256 0273) as imdb_word_index.json into one folder and run with TENSORSEQ_DATA=<that folder>.',
    );
    process.env.TENSORSEQ_DATA = '/data';
    expect(
      missingDataError({
        owner: 'x',
        dataset: 'd',
        files: [{ fileName: 'f', url: 'u', sha256: 's' }],
        cause: 'c',
      }).message,
    ).toContain('Received: no f in TENSORSEQ_DATA=/data, and the download failed (c).');
  });
});
