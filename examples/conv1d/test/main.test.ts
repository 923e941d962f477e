import { fileURLToPath } from 'node:url';
import { describeExperimentCli } from '@tensorseq/example-utils/testing';

describeExperimentCli({
  example: 'conv1d',
  exampleDir: fileURLToPath(new URL('..', import.meta.url)),
  experiment: 'imdb-conv1d',
});
