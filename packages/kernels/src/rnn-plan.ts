import { ACTIVATION_CODES, gateCount } from './activation-code';
import type { KernelActivation, RnnSequenceArgs } from './types';

/** The validated, numeric form of RnnSequenceArgs that both backends run from. */
export interface RnnPlan {
  readonly args: RnnSequenceArgs;
  readonly gates: number;
  /** G*U, the width of a gate row. */
  readonly gu: number;
  readonly act: number;
  readonly recAct: number;
  /** GRU with resetAfter. */
  readonly gruAfter: boolean;
  /** GRU without resetAfter. */
  readonly gruBefore: boolean;
  /** Rows of the embedding table `x` when `args.ids` is set; 0 otherwise. */
  readonly vocab: number;
}

const CELLS = ['simpleRnn', 'lstm', 'gru'];

function fail(owner: string, what: string, expectation: string, received: string): never {
  throw new RangeError(`${owner}: ${what} must be ${expectation}. Received: ${what}=${received}.`);
}

function checkDim(owner: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    fail(owner, name, 'a positive integer', String(value));
  }
}

function checkArray(owner: string, name: string, value: unknown, length: number, shape: string): void {
  if (!(value instanceof Float32Array)) {
    throw new TypeError(`${owner}: ${name} must be a Float32Array. Received: ${name}=${String(value)}.`);
  }
  if (value.length !== length) {
    fail(owner, `${name}.length`, `${shape} = ${length}`, String(value.length));
  }
}

function checkActivation(owner: string, name: string, value: KernelActivation): void {
  if (!Object.hasOwn(ACTIVATION_CODES, value)) {
    fail(owner, name, `one of ${Object.keys(ACTIVATION_CODES).join(', ')}`, JSON.stringify(value));
  }
}

/**
 * Checks every field of `args` once, at entry, and resolves the numeric plan the loops use.
 * @throws RangeError / TypeError naming the offending field, e.g.
 *   `rnnSequenceForward: x.length must be batch*time*features = 30. Received: x.length=29.`
 */
export function resolveRnnPlan(owner: string, args: RnnSequenceArgs): RnnPlan {
  if (!CELLS.includes(args.cell))
    fail(owner, 'cell', `one of ${CELLS.join(', ')}`, JSON.stringify(args.cell));
  const { batch, time, features, units } = args;
  checkDim(owner, 'batch', batch);
  checkDim(owner, 'time', time);
  checkDim(owner, 'features', features);
  checkDim(owner, 'units', units);
  const gates = gateCount(args.cell);
  const gu = gates * units;
  const gruAfter = args.cell === 'gru' && args.resetAfter;
  const vocab = checkEmbedded(owner, args);
  if (vocab === 0) checkArray(owner, 'x', args.x, batch * time * features, 'batch*time*features');
  checkArray(owner, 'kernel', args.kernel, features * gu, 'features*gates*units');
  checkArray(owner, 'recurrentKernel', args.recurrentKernel, units * gu, 'units*gates*units');
  if (args.bias !== null) {
    checkArray(owner, 'bias', args.bias, gruAfter ? 2 * gu : gu, gruAfter ? '2*3*units' : 'gates*units');
  }
  const stateCount = args.cell === 'lstm' ? 2 : 1;
  if (!Array.isArray(args.initialStates) || args.initialStates.length !== stateCount) {
    fail(owner, 'initialStates.length', String(stateCount), String(args.initialStates?.length));
  }
  for (const [i, s] of args.initialStates.entries()) {
    checkArray(owner, `initialStates[${i}]`, s, batch * units, 'batch*units');
  }
  if (args.mask !== null) checkArray(owner, 'mask', args.mask, batch * time, 'batch*time');
  if (args.inputDropoutMask !== null) {
    checkArray(owner, 'inputDropoutMask', args.inputDropoutMask, batch * features, 'batch*features');
  }
  if (args.recurrentDropoutMask !== null) {
    checkArray(owner, 'recurrentDropoutMask', args.recurrentDropoutMask, batch * units, 'batch*units');
  }
  checkActivation(owner, 'activation', args.activation);
  checkActivation(owner, 'recurrentActivation', args.recurrentActivation);
  return {
    args,
    gates,
    gu,
    act: ACTIVATION_CODES[args.activation],
    recAct: ACTIVATION_CODES[args.recurrentActivation],
    gruAfter,
    gruBefore: args.cell === 'gru' && !args.resetAfter,
    vocab,
  };
}

/**
 * With `ids`: checks the table `x` [V, F], the ids [B, T] (each in [0, V): the wasm kernels index memory
 * with them) and the absence of an input dropout mask, and returns V; 0 without ids.
 */
function checkEmbedded(owner: string, args: RnnSequenceArgs): number {
  const { ids, batch, time, features } = args;
  if (ids === undefined || ids === null) return 0;
  if (!(ids instanceof Int32Array)) {
    throw new TypeError(`${owner}: ids must be an Int32Array or null. Received: ids=${String(ids)}.`);
  }
  if (ids.length !== batch * time)
    fail(owner, 'ids.length', `batch*time = ${batch * time}`, String(ids.length));
  if (!(args.x instanceof Float32Array)) {
    throw new TypeError(`${owner}: x must be a Float32Array. Received: x=${String(args.x)}.`);
  }
  const vocab = args.x.length / features;
  if (!Number.isInteger(vocab) || vocab < 1) {
    fail(
      owner,
      'x.length',
      'a positive multiple of features (a [V, F] table with ids)',
      String(args.x.length),
    );
  }
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id < 0 || id >= vocab)
      fail(owner, `ids[${i}]`, `in [0, ${vocab - 1}] (x has ${vocab} rows)`, String(id));
  }
  if (args.inputDropoutMask !== null) {
    fail(owner, 'inputDropoutMask', 'null when ids is set', '[batch, features] mask');
  }
  return vocab;
}
