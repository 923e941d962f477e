import { fileURLToPath } from 'node:url';
import { describeExperimentCli } from '@tensorseq/example-utils/testing';

describeExperimentCli({
  example: 'imdb-embedding',
  exampleDir: fileURLToPath(new URL('..', import.meta.url)),
  experiment: 'embedding',
});
