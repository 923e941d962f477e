/** What `pnpm start` reads from its command line. */
export interface StartArgs {
  /** Epochs to train. @defaultValue 3 (the book: 20) */
  epochs: number;
  /** Training steps of 128 windows per epoch. @defaultValue 500 (the book's) */
  steps: number;
  /** Read the official 10-minute Keras file (downloaded) instead of the shipped hourly one. @defaultValue false */
  full: boolean;
}

/**
 * Parses `[--epochs N] [--steps N] [--full]` (also `--epochs=N`).
 *
 * @param argv - the arguments after the script name.
 * @returns the settings, defaults filled in.
 * @throws TypeError for an unknown argument, RangeError for a count that is not a positive integer.
 * @example
 * parseStartArgs(['--epochs', '2']); // → { epochs: 2, steps: 500, full: false }
 */
export function parseStartArgs(argv: readonly string[]): StartArgs {
  const args: StartArgs = { epochs: 3, steps: 500, full: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--epochs' || flag === '--steps') {
      const name = flag.slice(2) as 'epochs' | 'steps';
      const value = inline ?? argv[++i];
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) {
        throw new RangeError(`start: ${name} must be a positive integer. Received: ${name}=${value}.`);
      }
      args[name] = n;
    } else if (argv[i] === '--full') {
      args.full = true;
    } else {
      throw new TypeError(
        `start: arguments must be --epochs N, --steps N or --full. Received: argument=${argv[i]}.`,
      );
    }
  }
  return args;
}
