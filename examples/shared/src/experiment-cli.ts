import { type ExperimentArgs, parseExperimentArgs } from './parse-experiment-args';
import { selectBackend } from './select-backend';
import {
  type ExperimentFiles,
  type ExperimentResult,
  writeExperimentResults,
} from './write-experiment-results';

/** Options of {@link experimentCli}. */
export interface ExperimentCliOptions<Name extends string> {
  /** The example's name: `pnpm exp <owner>`, and the start of every error message. */
  owner: string;
  /** One line per experiment, printed when no experiment is named. */
  titles: Readonly<Record<Name, string>>;
  /** Where `<experiment>.json` and `.svg` go. */
  resultsDir: string;
  /** Runs the named experiment. */
  run(name: Name, args: ExperimentArgs): Promise<ExperimentResult>;
  /** @defaultValue process.argv.slice(2) */
  argv?: readonly string[];
  /** @defaultValue console.log */
  log?: (line: string) => void;
}

/**
 * The `main` of every chapter example: parse `[experiment] [--epochs N] [--steps N] [--quick]`, list the
 * experiments when none is named, else select the backend `--backend` names (cpu by default), run, write
 * the results and print the final figures.
 *
 * @param options - the example's name, experiments and runner.
 * @returns the files written, or `undefined` when it only listed the experiments.
 * @example
 * await experimentCli({ owner: 'imdb-rnn', titles, resultsDir: 'results', run: (name, args) => runImdbExperiment(name, EXPERIMENTS[name], args) });
 * // Final: acc 0.9, val_acc 0.85, … Wrote results/lstm.json and results/lstm.svg.
 */
export async function experimentCli<Name extends string>(
  options: ExperimentCliOptions<Name>,
): Promise<ExperimentFiles | undefined> {
  const { owner, titles, resultsDir, run, argv = process.argv.slice(2), log = console.log } = options;
  const names = Object.keys(titles) as Name[];
  const args = parseExperimentArgs(argv, { owner, experiments: names });
  if (args.experiment === undefined) {
    log(
      `Usage: pnpm exp ${owner} <experiment> [--epochs N] [--steps N] [--backend cpu|wasm|node|node-gpu|auto] [--quick] [--save-keras <file>]\n\nExperiments:`,
    );
    const width = Math.max(...names.map((n) => n.length)) + 2;
    for (const name of names) log(`  ${name.padEnd(width)}${titles[name]}`);
    return undefined;
  }
  log(`Backend: ${await selectBackend(args.backend)}`);
  const result = await run(args.experiment as Name, args);
  const files = await writeExperimentResults(resultsDir, result);
  const final = Object.entries(result.final).map(([k, v]) => `${k} ${v.toFixed(4)}`);
  const written = [files.json, files.svg].filter((f) => f !== undefined).join(' and ');
  log(`Final: ${final.join(', ')} (${result.seconds.toFixed(1)} s). Wrote ${written}.`);
  return files;
}
