import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '@tensorseq/example-utils';
import { JENA_HOURLY_FILE } from '@tensorseq/example-utils/jena';
import { describeExperimentCli } from '@tensorseq/example-utils/testing';

// --quick still reads the real (hourly) Jena file; without it the run would download the official archive.
const dataDir = defaultDataDir();
const hourly = dataDir && join(dataDir, JENA_HOURLY_FILE);

describeExperimentCli({
  example: 'jena-forecast',
  exampleDir: fileURLToPath(new URL('..', import.meta.url)),
  experiment: 'gru',
  skipRun: hourly && existsSync(hourly) ? undefined : 'the shared Jena file is absent (set TENSORSEQ_DATA)',
});
