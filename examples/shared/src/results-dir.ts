import { fileURLToPath } from 'node:url';

/**
 * The folder an example writes its results to: `$TENSORSEQ_RESULTS` when set (tests point it at a
 * temporary folder), else `results/` in the example's own folder.
 *
 * @param mainUrl - `import.meta.url` of the example's `src/main.ts`.
 * @param env - the environment to read. @defaultValue process.env
 * @example
 * resultsDir(import.meta.url); // → '/repo/examples/imdb-rnn/results'
 */
export function resultsDir(mainUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.TENSORSEQ_RESULTS || fileURLToPath(new URL('../results', mainUrl));
}
