import { fileURLToPath } from 'node:url';
import { describeExperimentCli } from '@tensorseq/example-utils/testing';

// --quick still reads the real (hourly) Jena file: the copy the repository ships, with TENSORSEQ_DATA unset.
describeExperimentCli({
  example: 'jena-forecast',
  exampleDir: fileURLToPath(new URL('..', import.meta.url)),
  experiment: 'gru',
});
