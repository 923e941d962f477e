import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's shared real-data folder, seen from this example: `<repo>/../shared/data`. */
const SHARED_DATA = fileURLToPath(new URL('../../../../shared/data', import.meta.url));

/**
 * The folder the loaders search before downloading: `$TENSORSEQ_DATA` when set, else the shared data
 * folder next to the repository when it exists (so `pnpm exp <name>` runs offline on the build
 * machines), else `undefined` (the official downloads are used).
 *
 * @param env - the environment to read. @defaultValue process.env
 * @example
 * defaultDataDir(); // → '/work/shared/data' on the build machines, undefined elsewhere
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TENSORSEQ_DATA) return env.TENSORSEQ_DATA;
  return existsSync(SHARED_DATA) ? SHARED_DATA : undefined;
}
