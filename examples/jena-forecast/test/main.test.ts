import { fileURLToPath } from 'node:url';
import { describeExperimentCli } from '@tensorseq/example-utils/testing';

describeExperimentCli({
  example: 'jena-forecast',
  exampleDir: fileURLToPath(new URL('..', import.meta.url)),
  experiment: 'gru',
});
