import { describe, expect, it } from 'vitest';
import { runJenaExperiment } from '../src/jena/run-jena-experiment';

describe('runJenaExperiment --export', () => {
  it('refuses --export before loading anything: only IMDB models come with a tokenizer', async () => {
    await expect(
      runJenaExperiment(
        'gru',
        { title: 'GRU', epochs: 1 },
        { exportDir: 'out', owner: 'jena-forecast', quick: true },
      ),
    ).rejects.toThrow(
      'jena-forecast: --export is for the IMDB experiments (a model with its tokenizer). Received: --export=out. To fix this, use --save-keras <file> for a Jena model.',
    );
  });
});
