import { BACKEND_CHOICES, type BackendChoice } from './select-backend';

/** What {@link parseExperimentArgs} reads from the command line. */
export interface ExperimentArgs {
  /** The experiment named on the command line, if any (the examples list theirs when it is absent). */
  experiment: string | undefined;
  /** `--epochs N`: overrides the book's epoch count. */
  epochs: number | undefined;
  /** `--steps N`: caps the batches per epoch. */
  steps: number | undefined;
  /** `--quick`: tiny sizes, so a run finishes in seconds (smoke tests). */
  quick: boolean;
  /** `--save-keras <file>`: also write the trained model as a Keras file (`.keras`, or legacy `.h5`). */
  saveKeras?: string;
  /**
   * `--export <dir>`: also write the trained model for inference (layers-core's save format, without the
   * optimizer state) with the tokenizer and preprocessing it needs, e.g. for the browser demo (IMDB only).
   */
  exportDir?: string;
  /** `--backend cpu|wasm|node|node-gpu|auto`: the tfjs backend, through its tensorseq adapter. @defaultValue 'cpu' */
  backend: BackendChoice;
  /** `--resume`: continue from the checkpoint an interrupted run left. */
  resume: boolean;
  /** `--seed N`: seeds the weights, shuffling and dropout (default 1337). */
  seed: number | undefined;
}

/** Options of {@link parseExperimentArgs}. */
export interface ParseExperimentArgsOptions {
  /** The example's name, which starts every error message. */
  owner: string;
  /** The experiment names this example runs. */
  experiments: readonly string[];
}

const NUMERIC_FLAGS = ['epochs', 'steps', 'seed'] as const;
const NO_ARGS: ExperimentArgs = {
  experiment: undefined,
  epochs: undefined,
  steps: undefined,
  quick: false,
  resume: false,
  seed: undefined,
  backend: 'cpu',
};

/**
 * Parses `[experiment] [--epochs N] [--steps N] [--seed N] [--backend NAME] [--quick] [--resume] [--save-keras <file>] [--export <dir>]`
 * (also `--epochs=N`), checking everything
 * up front so a typo fails before minutes of data loading.
 *
 * @param argv - the arguments after the script name.
 * @param options - the example's name and experiments.
 * @returns the experiment and the flags.
 * @throws TypeError for an unknown argument or experiment, RangeError for a count that is not a
 * positive integer.
 * @example
 * parseExperimentArgs(['lstm', '--epochs', '2', '--quick'], { owner: 'imdb-rnn', experiments: ['lstm'] });
 * // → { experiment: 'lstm', epochs: 2, steps: undefined, quick: true, resume: false, seed: undefined, backend: 'cpu' }
 */
export function parseExperimentArgs(
  argv: readonly string[],
  options: ParseExperimentArgsOptions,
): ExperimentArgs {
  const { owner, experiments } = options;
  const args: ExperimentArgs = { ...NO_ARGS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    const numeric = NUMERIC_FLAGS.find((name) => flag === `--${name}`);
    if (numeric) {
      const value = inline ?? argv[++i];
      args[numeric] = positiveInteger(owner, numeric, value);
    } else if (flag === '--backend') {
      const value = inline ?? argv[++i];
      if (!(BACKEND_CHOICES as readonly string[]).includes(value ?? '')) {
        throw new TypeError(
          `${owner}: --backend must be one of ${BACKEND_CHOICES.join(', ')}. Received: --backend=${value}.`,
        );
      }
      args.backend = value as BackendChoice;
    } else if (arg === '--quick') {
      args.quick = true;
    } else if (flag === '--save-keras') {
      args.saveKeras = kerasFile(owner, inline ?? argv[++i]);
    } else if (flag === '--export') {
      args.exportDir = exportDir(owner, inline ?? argv[++i]);
    } else if (arg === '--resume') {
      args.resume = true;
    } else if (!arg.startsWith('-') && args.experiment === undefined) {
      if (!experiments.includes(arg)) {
        throw new TypeError(
          `${owner}: experiment must be one of ${experiments.join(', ')}. Received: experiment=${arg}.`,
        );
      }
      args.experiment = arg;
    } else {
      throw new TypeError(
        `${owner}: arguments must be an experiment name, --epochs N, --steps N, --seed N, --backend NAME, --quick, --resume, --save-keras FILE or --export DIR. Received: argument=${arg}.`,
      );
    }
  }
  return args;
}

function positiveInteger(owner: string, name: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isInteger(n) || n < 1) {
    throw new RangeError(`${owner}: --${name} must be a positive integer. Received: --${name}=${value}.`);
  }
  return n;
}

function kerasFile(owner: string, value: string | undefined): string {
  if (value === undefined || !/[^/\\]\.(keras|h5)$/.test(value)) {
    throw new TypeError(
      `${owner}: --save-keras must be a file name ending in .keras or .h5. Received: --save-keras=${value}.`,
    );
  }
  return value;
}

function exportDir(owner: string, value: string | undefined): string {
  if (value === undefined || value === '' || value.startsWith('-')) {
    throw new TypeError(`${owner}: --export must be a directory name. Received: --export=${value}.`);
  }
  return value;
}
