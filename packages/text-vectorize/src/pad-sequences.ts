import { assertNonNegativeInteger, assertOneOf } from '@tensorseq/utils';
import { allocate } from './internal/allocate';
import { fail } from './internal/checks';
import type { NDArray } from './nd-array';

/**
 * Element types {@link padSequences} can produce, with the typed array of each.
 *
 * @example
 * const data: PadDtypeMap['int32'] = new Int32Array(3);
 */
export interface PadDtypeMap {
  int32: Int32Array;
  float32: Float32Array;
  float64: Float64Array;
}

/**
 * A dtype name of {@link PadDtypeMap}.
 *
 * @example
 * const dtype: PadDtype = 'float32'; // padSequences(seqs, { dtype }).data is a Float32Array
 */
export type PadDtype = keyof PadDtypeMap;

/** Options of {@link padSequences}, with Keras' defaults. */
export interface PadSequencesOptions<D extends PadDtype = 'int32'> {
  /** Length of every output row; `null` = the longest sequence. @defaultValue null */
  maxlen?: number | null;
  /** Element type of the result (values are converted like NumPy: int32 truncates toward 0). @defaultValue 'int32' */
  dtype?: D;
  /** Where the fill goes in short sequences. @defaultValue 'pre' */
  padding?: 'pre' | 'post';
  /** Which end of long sequences is cut off. @defaultValue 'pre' */
  truncating?: 'pre' | 'post';
  /** Fill value. @defaultValue 0 */
  value?: number;
}

const CONSTRUCTORS = { int32: Int32Array, float32: Float32Array, float64: Float64Array } as const;
const INT32_EXPECTATION = 'a finite number within the int32 range (dtype "int32")';

/** A number int32 can hold after truncation toward 0 (NumPy's cast); NaN and infinities cannot. */
function isInt32(v: unknown): v is number {
  return typeof v === 'number' && v > -2_147_483_649 && v < 2_147_483_648;
}
const SIDES = ['pre', 'post'] as const;

/**
 * Keras' `pad_sequences`: pads (or truncates) every sequence to the same length, returning one
 * `[sequences.length, maxlen]` typed array instead of a list of lists.
 *
 * @param sequences - Sequences of numbers (arrays or typed arrays).
 * @param options - Length, dtype, padding / truncating side and fill value (Keras' defaults).
 * @returns A row-major typed array with its shape.
 * @throws TypeError / RangeError for bad options (checked before any work), when `sequences` is
 *   empty and `maxlen` is not given (Keras' ValueError), for a value the dtype cannot hold (NaN, a
 *   non-number, or beyond int32 with `dtype: 'int32'`, as NumPy refuses), or a result too large to allocate.
 *
 * @example
 * padSequences([[1], [2, 3], [4, 5, 6]]) // → { data: Int32Array [0,0,1, 0,2,3, 4,5,6], shape: [3, 3] }
 */
export function padSequences<D extends PadDtype = 'int32'>(
  sequences: ArrayLike<ArrayLike<number>>,
  options: PadSequencesOptions<D> = {},
): NDArray<PadDtypeMap[D]> {
  return padFor('padSequences', sequences, options);
}

/** The checks of {@link padSequences}' options, with `owner` naming the caller in the messages. */
export function checkPadOptions(owner: string, options: PadSequencesOptions<PadDtype>): void {
  const { maxlen = null, padding = 'pre', truncating = 'pre', value = 0 } = options;
  const dtype = options.dtype ?? 'int32';
  assertOneOf(owner, 'dtype', dtype, Object.keys(CONSTRUCTORS) as PadDtype[]);
  assertOneOf(owner, 'padding', padding, SIDES);
  assertOneOf(owner, 'truncating', truncating, SIDES);
  if (typeof value !== 'number') fail(owner, 'value', 'a number', value);
  if (maxlen !== null) assertNonNegativeInteger(owner, 'maxlen', maxlen);
  if (dtype === 'int32' && !isInt32(value)) fail(owner, 'value', INT32_EXPECTATION, value, RangeError);
}

/** {@link padSequences} with `owner` naming the caller in the messages. */
export function padFor<D extends PadDtype = 'int32'>(
  owner: string,
  sequences: ArrayLike<ArrayLike<number>>,
  options: PadSequencesOptions<D>,
): NDArray<PadDtypeMap[D]> {
  const { maxlen = null, padding = 'pre', truncating = 'pre', value = 0 } = options;
  const dtype = options.dtype ?? 'int32';
  checkPadOptions(owner, options);
  if (sequences === null || typeof sequences !== 'object' || typeof sequences.length !== 'number') {
    fail(owner, 'sequences', 'an array of sequences', sequences);
  }
  const count = sequences.length;
  let width = maxlen ?? 0;
  for (let i = 0; i < count; i++) {
    const seq = sequences[i];
    if (seq === null || typeof seq !== 'object' || typeof seq.length !== 'number') {
      fail(owner, `sequences[${i}]`, 'an array of numbers', seq);
    }
    if (maxlen === null && seq.length > width) width = seq.length;
  }
  if (maxlen === null && count === 0) {
    fail(owner, 'sequences', 'non-empty when maxlen is not given', sequences, RangeError);
  }
  const isInt = dtype === 'int32';
  const per = `${count} sequences × ${maxlen === null ? 'the longest length' : 'maxlen'} ${width}`;
  const sizeArg = maxlen === null ? 'the longest sequence' : 'maxlen';
  const Ctor = CONSTRUCTORS[dtype] as unknown as new (length: number) => PadDtypeMap[D];
  const data = allocate(Ctor, count * width, owner, sizeArg, maxlen ?? width, per);
  if (value !== 0) data.fill(value);
  for (let i = 0; i < count; i++) {
    const seq = sequences[i];
    const take = Math.min(seq.length, width);
    const from = truncating === 'pre' ? seq.length - take : 0;
    const to = i * width + (padding === 'pre' ? width - take : 0);
    if (Array.isArray(seq)) {
      copyChecked(owner, seq, i, from, take, isInt, data, to);
      continue;
    }
    // An Int32Array holds only what every dtype accepts: nothing to check.
    if (!(seq instanceof Int32Array)) checkValues(owner, seq, i, from, take, isInt);
    if (ArrayBuffer.isView(seq)) {
      const typed = seq as unknown as Int32Array;
      data.set(take === typed.length ? typed : typed.subarray(from, from + take), to);
    } else {
      for (let j = 0; j < take; j++) data[to + j] = seq[from + j];
    }
  }
  return { data, shape: [count, width] };
}

/**
 * Checks and copies `seq[from:from + take)` into `data` at `to` in one pass (a plain array, the usual
 * output of `textsToSequences`): each value is read once, and a truncated row needs no slice.
 */
function copyChecked(
  owner: string,
  seq: readonly unknown[],
  i: number,
  from: number,
  take: number,
  isInt: boolean,
  data: PadDtypeMap[PadDtype],
  to: number,
): void {
  for (let j = 0; j < take; j++) {
    const v = seq[from + j];
    if (typeof v !== 'number' || (isInt && !isInt32(v)))
      checkValues(owner, seq as number[], i, from + j, 1, isInt);
    // The value is a number: assignment converts like TypedArray.set (the dtype's conversion).
    data[to + j] = v as number;
  }
}

/**
 * NumPy refuses what int32 cannot hold (NaN, ±Infinity, out of range) and anything not a number; a
 * typed array would silently store 0 or wrap around.
 */
function checkValues(
  owner: string,
  seq: ArrayLike<number>,
  i: number,
  from: number,
  take: number,
  isInt: boolean,
): void {
  for (let j = 0; j < take; j++) {
    const v = seq[from + j];
    if (isInt ? !isInt32(v) : typeof v !== 'number') {
      fail(
        owner,
        `sequences[${i}][${from + j}]`,
        isInt ? INT32_EXPECTATION : 'a number',
        v,
        isInt && typeof v === 'number' ? RangeError : TypeError,
      );
    }
  }
}
