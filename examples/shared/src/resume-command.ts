import { DEFAULT_SEED } from './write-experiment-results';

/**
 * The command that continues an interrupted run, for the Ctrl-C message.
 *
 * @param owner - the example (`pnpm exp <owner>`).
 * @param name - the experiment.
 * @param flags - the run's `--epochs`, `--steps` and `--seed`.
 * @returns e.g. `pnpm exp imdb-rnn lstm --seed 2 --resume`.
 * @example
 * resumeCommand('imdb-rnn', 'lstm', { seed: 2 }); // → 'pnpm exp imdb-rnn lstm --seed 2 --resume'
 */
export function resumeCommand(
  owner: string,
  name: string,
  flags: { epochs?: number; steps?: number; seed?: number },
): string {
  const parts = ['pnpm exp', owner, name];
  if (flags.epochs !== undefined) parts.push(`--epochs ${flags.epochs}`);
  if (flags.steps !== undefined) parts.push(`--steps ${flags.steps}`);
  if (flags.seed !== undefined && flags.seed !== DEFAULT_SEED) parts.push(`--seed ${flags.seed}`);
  return `${parts.join(' ')} --resume`;
}
