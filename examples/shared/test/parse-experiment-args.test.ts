import { describe, expect, it } from 'vitest';
import { parseExperimentArgs } from '../src/parse-experiment-args';

const options = { owner: 'imdb-rnn', experiments: ['simplernn', 'lstm'] };

describe('parseExperimentArgs', () => {
  it('reads the experiment and the flags in either spelling', () => {
    expect(
      parseExperimentArgs(
        ['lstm', '--epochs', '3', '--steps=7', '--quick', '--resume', '--seed', '2'],
        options,
      ),
    ).toEqual({
      experiment: 'lstm',
      epochs: 3,
      steps: 7,
      quick: true,
      resume: true,
      seed: 2,
      backend: 'cpu',
    });
  });

  it('leaves everything unset when there are no arguments', () => {
    expect(parseExperimentArgs([], options)).toEqual({
      experiment: undefined,
      epochs: undefined,
      steps: undefined,
      quick: false,
      resume: false,
      seed: undefined,
      backend: 'cpu',
    });
  });

  it('rejects an unknown experiment', () => {
    expect(() => parseExperimentArgs(['gru'], options)).toThrow(
      'imdb-rnn: experiment must be one of simplernn, lstm. Received: experiment=gru.',
    );
  });

  it('rejects a count that is not a positive integer, or missing', () => {
    expect(() => parseExperimentArgs(['--epochs', '0'], options)).toThrow(
      'imdb-rnn: --epochs must be a positive integer. Received: --epochs=0.',
    );
    expect(() => parseExperimentArgs(['--steps'], options)).toThrow(
      'imdb-rnn: --steps must be a positive integer. Received: --steps=undefined.',
    );
  });

  it('reads --export DIR and refuses a missing directory', () => {
    expect(parseExperimentArgs(['lstm', '--export', 'out/imdb'], options).exportDir).toBe('out/imdb');
    expect(parseExperimentArgs(['lstm', '--export=out'], options).exportDir).toBe('out');
    expect(() => parseExperimentArgs(['lstm', '--export'], options)).toThrow(
      'imdb-rnn: --export must be a directory name. Received: --export=undefined.',
    );
    expect(() => parseExperimentArgs(['lstm', '--export', '--quick'], options)).toThrow(
      'Received: --export=--quick.',
    );
  });

  it('rejects unknown flags and a second experiment name', () => {
    expect(() => parseExperimentArgs(['--fast'], options)).toThrow(
      'imdb-rnn: arguments must be an experiment name, --epochs N, --steps N, --seed N, --backend NAME, --quick, --resume, --save-keras FILE or --export DIR. Received: argument=--fast.',
    );
    expect(() => parseExperimentArgs(['lstm', 'simplernn'], options)).toThrow(
      'Received: argument=simplernn.',
    );
  });
});
