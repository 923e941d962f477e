import { describe, expect, it } from 'vitest';
import { TensorseqError } from '../src/index';

describe('TensorseqError', () => {
  it('carries a code and a cause', () => {
    const cause = new Error('inner');
    const err = new TensorseqError('loadModel: bad.', { code: 'ERR_X', cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe('loadModel: bad.');
    expect(err.code).toBe('ERR_X');
    expect(err.cause).toBe(cause);
    expect(err.name).toBe('TensorseqError');
  });

  it('isInstance recognises the Symbol.for marker (a second installed copy), not plain errors', () => {
    expect(TensorseqError.isInstance(new TensorseqError('x', { code: 'C' }))).toBe(true);
    const fromOtherCopy = Object.assign(new Error('x'), { [Symbol.for('tensorseq.error')]: true });
    expect(TensorseqError.isInstance(fromOtherCopy)).toBe(true);
    expect(TensorseqError.isInstance(new Error('x'))).toBe(false);
    expect(TensorseqError.isInstance(null)).toBe(false);
    expect(TensorseqError.isInstance({ code: 'C' })).toBe(false);
  });
});
