import { describe, expect, it } from 'vitest';
import { rnnSequenceBackward, rnnSequenceForward, sgemm } from '../src/index';
import { ResidentSaved } from '../src/wasm/resident-saved';
import { wasmSupported } from '../src/wasm/wasm-kernels';
import { expectClose } from './helpers';
import { randomArgs, randomUpstream } from './random-args';

describe.skipIf(!wasmSupported())('wasm saved buffers', () => {
  const first = randomArgs({ cell: 'lstm', batch: 4, time: 6, features: 3, units: 5, seed: 1 });
  const second = randomArgs({ cell: 'gru', batch: 3, time: 5, features: 2, units: 4, seed: 2, mask: true });

  function reference(args: typeof first) {
    const { dOutputs } = randomUpstream(args);
    const fwd = rnnSequenceForward(args, { backend: 'js' });
    return rnnSequenceBackward(
      args,
      fwd,
      dOutputs,
      args.initialStates.map(() => null),
      { backend: 'js' },
    );
  }

  it('differentiates interleaved forwards (Bidirectional, stacked layers) correctly', () => {
    const f1 = rnnSequenceForward(first, { backend: 'wasm' });
    const f2 = rnnSequenceForward(second, { backend: 'wasm' });
    sgemm(false, false, 2, 2, 2, new Float32Array(4), new Float32Array(4), new Float32Array(4));
    const g2 = rnnSequenceBackward(second, f2, randomUpstream(second).dOutputs, [null], { backend: 'wasm' });
    const g1 = rnnSequenceBackward(first, f1, randomUpstream(first).dOutputs, [null, null], {
      backend: 'wasm',
    });
    expectClose(g1.dKernel, reference(first).dKernel, 1e-6, 1e-4, 'first dKernel');
    expectClose(
      g2.dRecurrentKernel,
      reference(second).dRecurrentKernel,
      1e-6,
      1e-4,
      'second dRecurrentKernel',
    );
  });

  it('keeps several forwards resident until their backward passes, then reuses their memory', () => {
    const f1 = rnnSequenceForward(first, { backend: 'wasm' });
    const f2 = rnnSequenceForward(second, { backend: 'wasm' });
    // The second forward no longer spills the first to JS memory (a stacked or bidirectional layer).
    expect(f1.saved).toBeInstanceOf(ResidentSaved);
    expect((f1.saved as ResidentSaved).resident).toBe(true);
    rnnSequenceBackward(second, f2, null, [null], { backend: 'wasm' });
    rnnSequenceBackward(first, f1, null, [null, null], { backend: 'wasm' });
    // Both consumed: the next step's forward starts from the same place.
    const again = rnnSequenceForward(first, { backend: 'wasm' });
    expect((again.saved as ResidentSaved).offsets.xs).toBe((f1.saved as ResidentSaved).offsets.xs);
    expect((f1.saved as ResidentSaved).resident).toBe(false);
    expect((f2.saved as ResidentSaved).resident).toBe(false);
  });

  it('can differentiate twice in a row, and on the js backend', () => {
    const f = rnnSequenceForward(first, { backend: 'wasm' });
    const { dOutputs } = randomUpstream(first);
    const a = rnnSequenceBackward(first, f, dOutputs, [null, null], { backend: 'wasm' });
    const b = rnnSequenceBackward(first, f, dOutputs, [null, null], { backend: 'wasm' });
    const c = rnnSequenceBackward(first, f, dOutputs, [null, null], { backend: 'js' });
    expect(Array.from(b.dx)).toEqual(Array.from(a.dx));
    expectClose(c.dx, a.dx, 1e-6, 1e-4, 'js dx');
  });

  it('releases consumed buffers at the next training forward, with a clear error if they are reused', () => {
    const g = randomArgs({ cell: 'lstm', batch: 2, time: 2, features: 1, units: 1 });
    const f = rnnSequenceForward(first, { backend: 'wasm' });
    rnnSequenceBackward(first, f, randomUpstream(first).dOutputs, [null, null], { backend: 'wasm' });
    // Inference and sgemm allocate above the resident buffers: f stays differentiable.
    rnnSequenceForward(g, { backend: 'wasm', training: false });
    sgemm(false, false, 2, 2, 2, new Float32Array(4), new Float32Array(4), new Float32Array(4));
    expect(() => rnnSequenceBackward(first, f, null, [null, null], { backend: 'wasm' })).not.toThrow();
    rnnSequenceForward(second, { backend: 'wasm' });
    expect(() => rnnSequenceBackward(first, f, null, [null, null], { backend: 'wasm' })).toThrow(
      'rnnSequenceBackward: forward must be differentiated again before the next training forward (the wasm backend then releases saved buffers that a backward pass already used). Received: forward.saved=released.',
    );
  });
});

describe('rnnSequenceBackward dxInto', () => {
  const args = randomArgs({ cell: 'lstm', batch: 2, time: 3, features: 4, units: 3, seed: 4 });
  const backends = wasmSupported() ? (['js', 'wasm'] as const) : (['js'] as const);

  it.each(backends)('writes dx into the given array and returns it (%s)', (backend) => {
    const { dOutputs } = randomUpstream(args);
    const plain = rnnSequenceBackward(args, rnnSequenceForward(args, { backend }), dOutputs, [null, null], {
      backend,
    });
    const into = new Float32Array(2 * 3 * 4).fill(Number.NaN);
    const grads = rnnSequenceBackward(args, rnnSequenceForward(args, { backend }), dOutputs, [null, null], {
      backend,
      dxInto: into,
    });
    expect(grads.dx).toBe(into);
    expect(Array.from(into)).toEqual(Array.from(plain.dx));
  });

  it('rejects a dxInto of the wrong size, naming the expected length', () => {
    const fwd = rnnSequenceForward(args, { backend: 'js' });
    expect(() =>
      rnnSequenceBackward(args, fwd, null, [null, null], { backend: 'js', dxInto: new Float32Array(5) }),
    ).toThrow(
      'rnnSequenceBackward: options.dxInto must be a Float32Array of batch*time*features = 24 elements. Received: options.dxInto.length=5.',
    );
  });
});
