import { reportChecked } from '@tensorseq/test-utils';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  type KernelsBackend,
  kernelsInfo,
  rnnSequenceBackward,
  rnnSequenceForward,
  setKernelsThreads,
} from '../src/index';
import { threadedUnsupported, wasmSupported } from '../src/wasm/wasm-kernels';
import { expectClose, fixtureArgs, loadRnnCases, type RnnFixtureCase } from './helpers';

/** Every kernel path: TypeScript, wasm on one thread, wasm on two threads (where threads can run). */
const paths: [string, KernelsBackend, number][] = [['js', 'js', 1]];
if (wasmSupported()) {
  paths.push(['wasm, 1 thread', 'wasm', 1]);
  if (threadedUnsupported(2) === null) paths.push(['wasm, 2 threads', 'wasm', 2]);
}
const cases = [...loadRnnCases('simple_rnn'), ...loadRnnCases('lstm'), ...loadRnnCases('gru')];

/** The fixtures' outputs: every step with returnSequences, else the last processed step. */
function layerOutput(
  c: RnnFixtureCase,
  outputs: Float32Array,
  B: number,
  T: number,
  U: number,
): Float32Array {
  if (c.config.return_sequences) return outputs;
  const last = new Float32Array(B * U);
  for (let b = 0; b < B; b++) last.set(outputs.subarray((b * T + T - 1) * U, (b * T + T) * U), b * U);
  return last;
}

/** dL/d(outputs) for loss = sum(output * R): R itself, or R placed at the last processed step. */
function outputGrad(c: RnnFixtureCase, B: number, T: number, U: number): Float32Array {
  const R = Float32Array.from(c.loss.R.data);
  if (c.config.return_sequences) return R;
  const d = new Float32Array(B * T * U);
  for (let b = 0; b < B; b++) d.set(R.subarray(b * U, (b + 1) * U), (b * T + T - 1) * U);
  return d;
}

describe.each(paths)('conformance fixtures on %s', (_name, backend, threads) => {
  beforeAll(() => {
    setKernelsThreads(threads);
    if (backend === 'wasm' && kernelsInfo().threads !== threads)
      throw new Error(`expected ${threads} threads`);
  });
  afterAll(() => setKernelsThreads(1));
  it.each(cases.map((c) => [c.id, c] as const))('%s matches outputs, final states and gradients', (_, c) => {
    const args = fixtureArgs(c);
    const { batch: B, time: T, units: U } = args;
    const fwd = rnnSequenceForward(args, { backend });
    expectClose(layerOutput(c, fwd.outputs, B, T, U), c.output.data, 1e-4, 1e-4, 'output');
    for (const [i, s] of c.final_states.entries()) {
      expectClose(fwd.finalStates[i], s.data, 1e-4, 1e-4, `finalStates[${i}]`);
    }
    const grads = rnnSequenceBackward(
      args,
      fwd,
      outputGrad(c, B, T, U),
      args.initialStates.map(() => null),
      { backend },
    );
    expectClose(grads.dx, c.grads.x.data, 2e-4, 1e-3, 'dx');
    expectClose(grads.dKernel, c.grads.kernel.data, 2e-4, 1e-3, 'dKernel');
    expectClose(grads.dRecurrentKernel, c.grads.recurrent_kernel.data, 2e-4, 1e-3, 'dRecurrentKernel');
    if (c.grads.bias) expectClose(grads.dBias!, c.grads.bias.data, 2e-4, 1e-3, 'dBias');
    else if (grads.dBias !== null) throw new Error('dBias must be null without a bias');
  });
});

afterAll(() =>
  reportChecked('kernels conformance (simple_rnn, lstm, gru) × kernel paths', cases.length * paths.length),
);
