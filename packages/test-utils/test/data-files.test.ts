import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot, sampleFile } from '../src/index';

// Every row of data/DATA.md's table: `| \`file\` | … | sha256 |`.
const rows = [
  ...readFileSync(`${repoRoot()}/data/DATA.md`, 'utf8').matchAll(/^\| `([^`]+)` \|.*\| ([0-9a-f]{64}) \|$/gm),
];

describe('data/DATA.md', () => {
  it('lists every shipped sample', () => {
    expect(rows.map((r) => r[1]).sort()).toEqual([
      'embeddings/gensim_euclidean_vectors.bin',
      'embeddings/gensim_pang_lee_polarity_fasttext.vec',
      'embeddings/gensim_word2vec_pre_kv_c.txt',
      'embeddings/glove.6B.100d.top2717.txt',
      'embeddings/glove.6B.50d.top1000.txt',
      'embeddings/turbomaze_wordvecs1000.converted.w2v.bin',
      'imdb/aclImdb_sample500.tar.gz',
      'imdb/imdb_word_index.json',
      'jena/jena_hourly_6vars_2009_2016.csv.zip',
    ]);
  });

  it.each(rows.map((r) => [r[1], r[2]]))('%s has the sha256 DATA.md gives', (file, sha) => {
    expect(
      createHash('sha256')
        .update(readFileSync(sampleFile(file)))
        .digest('hex'),
    ).toBe(sha);
  });
});
