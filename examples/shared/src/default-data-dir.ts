/**
 * The folder of full-size data the loaders search before their cache and the official downloads:
 * `$TENSORSEQ_DATA` when set, else `undefined`. Nothing outside the repository is read by default; the
 * small samples the repository ships are in {@link shippedDataFile}.
 *
 * @param env - the environment to read. @defaultValue process.env
 * @example
 * defaultDataDir({ TENSORSEQ_DATA: '/data' }); // → '/data'
 * defaultDataDir({}); // → undefined
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TENSORSEQ_DATA || undefined;
}
