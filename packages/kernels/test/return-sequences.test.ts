import { describe, expect, it } from 'vitest';
import { type KernelsBackend, rnnSequenceBackward, rnnSequenceForward } from '../src/index';
import { wasmSupported } from '../src/wasm/wasm-kernels';
import { type RandomCaseOptions, randomArgs, randomUpstream } from './random-args';

const backends: KernelsBackend[] = wasmSupported() ? ['js', 'wasm'] : ['js'];
const cases: [string, RandomCaseOptions][] = [
  ['simpleRnn, mask', { cell: 'simpleRnn', batch: 6, time: 7, features: 3, units: 5, mask: true }],
  ['lstm, dropout', { cell: 'lstm', batch: 5, time: 6, features: 4, units: 9, recurrentDropout: true }],
  ['gru (before), goBackwards', { cell: 'gru', batch: 7, time: 5, features: 2, units: 6, goBackwards: true }],
];

describe.each(backends)('returnSequences: false on %s', (backend) => {
  it.each(cases)('%s: no outputs, the same final states and gradients', (_, options) => {
    const args = randomArgs(options);
    const full = rnnSequenceForward(args, { backend });
    const last = rnnSequenceForward(args, { backend, returnSequences: false });
    expect(last.outputs.length).toBe(0);
    expect(full.outputs.length).toBe(args.batch * args.time * args.units);
    expect(last.finalStates).toEqual(full.finalStates);
    const { dFinal } = randomUpstream(args);
    const fromLast = rnnSequenceBackward(args, last, null, dFinal, { backend });
    const again = rnnSequenceForward(args, { backend });
    const fromFull = rnnSequenceBackward(args, again, null, dFinal, { backend });
    expect(fromLast).toEqual(fromFull);
  });

  it('also at inference', () => {
    const args = randomArgs(cases[1][1]);
    const full = rnnSequenceForward(args, { backend, training: false });
    const last = rnnSequenceForward(args, { backend, training: false, returnSequences: false });
    expect(last.outputs.length).toBe(0);
    expect(last.finalStates).toEqual(full.finalStates);
  });
});

describe.each(backends)('outputsInto on %s', (backend) => {
  it.each(cases)('%s: the outputs in the given array, bit-identical', (_, options) => {
    const args = randomArgs(options);
    const plain = rnnSequenceForward(args, { backend, training: false });
    const into = new Float32Array(args.batch * args.time * args.units).fill(Number.NaN);
    const r = rnnSequenceForward(args, { backend, training: false, outputsInto: into });
    expect(r.outputs).toBe(into);
    expect(into).toEqual(plain.outputs);
    expect(r.finalStates).toEqual(plain.finalStates);
    // Without sequences the array is left alone.
    into.fill(7);
    const last = rnnSequenceForward(args, { backend, returnSequences: false, outputsInto: into });
    expect(last.outputs.length).toBe(0);
    expect(into.every((v) => v === 7)).toBe(true);
  });

  it('rejects an array of the wrong length, naming it', () => {
    const args = randomArgs(cases[0][1]);
    expect(() => rnnSequenceForward(args, { backend, outputsInto: new Float32Array(3) })).toThrow(
      'rnnSequenceForward: options.outputsInto must be a Float32Array of batch*time*units = 210 elements. Received: options.outputsInto.length=3.',
    );
  });
});
