import { join } from 'node:path';
import { type ExperimentInfo, formatExperimentList } from './experiment-info';
import { type ExperimentArgs, parseExperimentArgs } from './parse-experiment-args';
import { runEnvironment } from './run-environment';
import { selectBackend } from './select-backend';
import {
  DEFAULT_SEED,
  type ExperimentFiles,
  type ExperimentResult,
  writeExperimentResults,
} from './write-experiment-results';

/** What an experiment's runner gets: the command line, and where its checkpoint goes. */
export interface ExperimentRunArgs extends ExperimentArgs {
  /** `<resultsDir>/.checkpoints/<experiment>[-seed<N>]`; `undefined` for `--quick` runs. */
  checkpointDir: string | undefined;
  /** The example's name, for messages. */
  owner: string;
}

/** Options of {@link experimentCli}. */
export interface ExperimentCliOptions<Name extends string> {
  /** The example's name: `pnpm exp <owner>`, and the start of every error message. */
  owner: string;
  /** Each experiment's title, section, book figure and epochs, listed when no experiment is named. */
  experiments: Readonly<Record<Name, ExperimentInfo>>;
  /** Where `<experiment>.json` and `.svg` go. */
  resultsDir: string;
  /** Runs the named experiment. */
  run(name: Name, args: ExperimentRunArgs): Promise<ExperimentResult>;
  /** @defaultValue process.argv.slice(2) */
  argv?: readonly string[];
  /** @defaultValue console.log */
  log?: (line: string) => void;
}

/**
 * The `main` of every chapter example: parse
 * `[experiment] [--epochs N] [--steps N] [--seed N] [--backend NAME] [--quick] [--resume] [--save-keras <file>] [--export <dir>]`,
 * list the experiments when none is named, else select the backend `--backend` names (cpu by default),
 * run (checkpointing every epoch, so `--resume` continues an interrupted run), write the results with
 * the backend, versions and commit, and print the final figures.
 *
 * @param options - the example's name, experiments and runner.
 * @returns the files written, or `undefined` when it only listed the experiments.
 * @example
 * await experimentCli({ owner: 'imdb-rnn', experiments, resultsDir: 'results', run: (name, args) => runImdbExperiment(name, EXPERIMENTS[name], args) });
 * // Final: acc 0.9, val_acc 0.85, … Wrote results/lstm.json and results/lstm.svg.
 */
export async function experimentCli<Name extends string>(
  options: ExperimentCliOptions<Name>,
): Promise<ExperimentFiles | undefined> {
  const { owner, experiments, resultsDir, run, argv = process.argv.slice(2), log = console.log } = options;
  const names = Object.keys(experiments) as Name[];
  const args = parseExperimentArgs(argv, { owner, experiments: names });
  if (args.experiment === undefined) {
    log(
      `Usage: pnpm exp ${owner} <experiment> [--epochs N] [--steps N] [--seed N] [--backend cpu|wasm|node|node-gpu|auto] [--quick] [--resume] [--save-keras <file>] [--export <dir>]\n\nExperiments:`,
    );
    for (const line of formatExperimentList(experiments)) log(line);
    return undefined;
  }
  log(`Backend: ${await selectBackend(args.backend)}`);
  const seeded = args.seed !== undefined && args.seed !== DEFAULT_SEED;
  const stem = seeded ? `${args.experiment}-seed${args.seed}` : args.experiment;
  const checkpointDir = args.quick ? undefined : join(resultsDir, '.checkpoints', stem);
  let result: ExperimentResult;
  try {
    result = await run(args.experiment as Name, { ...args, checkpointDir, owner });
  } catch (e) {
    if ((e as Error).name !== 'MissingDataError') throw e;
    console.error((e as Error).message);
    process.exitCode = 2;
    return undefined;
  }
  const files = await writeExperimentResults(resultsDir, {
    ...result,
    environment: runEnvironment(),
    finishedAt: new Date().toISOString(),
  });
  const final = Object.entries(result.final).map(([k, v]) => `${k} ${v.toFixed(4)}`);
  const written = [files.json, files.svg].filter((f) => f !== undefined).join(' and ');
  log(`Final: ${final.join(', ')} (${result.seconds.toFixed(1)} s). Wrote ${written}.`);
  return files;
}
