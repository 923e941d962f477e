import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  conformanceDir,
  conformanceFile,
  expectClose,
  fullDataFile,
  loadConformance,
  repoRoot,
  reportChecked,
  sampleFile,
  toTensor,
} from '../src/index';

describe('test-utils', () => {
  it('loads a fixture file by bare or qualified name', () => {
    const bare = loadConformance<{ cases: { id: string }[] }>('dense');
    const qualified = loadConformance<{ cases: { id: string }[] }>('layers/dense');
    expect(bare.cases.length).toBeGreaterThan(0);
    expect(bare.cases.map((c) => c.id)).toEqual(qualified.cases.map((c) => c.id));
    expect(() => loadConformance('nope')).toThrow('loadConformance: name must name a fixture file under');
  });

  it('turns fixture tensors into tensors', () => {
    const t = toTensor({ shape: [2, 2], data: [1, 2, 3, 4] }, 'int32');
    expect(t.dtype).toBe('int32');
    expect(t.arraySync()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    t.dispose();
  });

  it('passes within tolerance and names the first mismatch otherwise', () => {
    expectClose(tf.tensor([1, 2]), { shape: [2], data: [1, 2.00001] });
    expect(() => expectClose([1, 2.5], [1, 2], { atol: 0.1, rtol: 0 })).toThrow(
      'expectClose: values must be within atol=0.1, rtol=0. Received: index 1 is 2.5 vs expected 2 (max |diff| 0.5).',
    );
    expect(() => expectClose(tf.zeros([2, 1]), { shape: [2], data: [0, 0] })).toThrow(
      'expectClose: shape must be [2]. Received: shape=[2,1].',
    );
  });
});

describe('conformanceDir', () => {
  it('reads the vendored copy by default and $TENSORSEQ_CONFORMANCE when set', () => {
    const saved = process.env.TENSORSEQ_CONFORMANCE;
    try {
      delete process.env.TENSORSEQ_CONFORMANCE;
      expect(conformanceDir()).toBe(resolve(repoRoot(), 'conformance'));
      process.env.TENSORSEQ_CONFORMANCE = '/nonexistent/fixtures';
      expect(conformanceDir()).toBe('/nonexistent/fixtures');
      expect(() => loadConformance('dense')).toThrow(
        'loadConformance: name must name a fixture file under /nonexistent/fixtures. Received: name="dense.json".',
      );
    } finally {
      if (saved === undefined) delete process.env.TENSORSEQ_CONFORMANCE;
      else process.env.TENSORSEQ_CONFORMANCE = saved;
    }
  });

  it('finds the Keras model files', () => {
    expect(conformanceFile('keras/models/k3.12.0_jena_gru_zip.keras')).toMatch(
      /k3\.12\.0_jena_gru_zip\.keras$/,
    );
  });

  it('refuses to report a suite that checked nothing', () => {
    expect(() => reportChecked('empty suite', 0)).toThrow('empty suite: checked 0 cases.');
  });
});

describe('data files', () => {
  it('finds the shipped samples and explains a missing full-size file', () => {
    expect(sampleFile('imdb/imdb_word_index.json')).toMatch(/data\/imdb\/imdb_word_index\.json$/);
    expect(() => sampleFile('nope.csv')).toThrow('sampleFile: relativePath must name a file under data/.');
    const saved = process.env.TENSORSEQ_DATA;
    try {
      delete process.env.TENSORSEQ_DATA;
      expect(fullDataFile('aclImdb_labeled.tar.gz').skip).toMatch(/TENSORSEQ_DATA is not set/);
    } finally {
      if (saved !== undefined) process.env.TENSORSEQ_DATA = saved;
    }
  });
});
