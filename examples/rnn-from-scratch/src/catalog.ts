/**
 * What `pnpm exp list` shows for this example.
 *
 * @example
 * RNN_FROM_SCRATCH_CATALOG['forward-pass'].section; // → '6.2.1'
 */
export { RNN_FROM_SCRATCH_CATALOG } from './rnn-from-scratch-experiments';
