import { describe, expect, it } from 'vitest';
import {
  type KernelsBackend,
  type RnnSequenceArgs,
  rnnSequenceBackward,
  rnnSequenceForward,
} from '../src/index';
import { wasmSupported } from '../src/wasm/wasm-kernels';
import { type RandomCaseOptions, randomArgs, randomUpstream } from './random-args';
import { seededRandom } from './seeded-random';

const backends: KernelsBackend[] = wasmSupported() ? ['js', 'wasm'] : ['js'];

/** loss = sum(outputs * dOutputs) + Σ sum(finalStates[i] * dFinal[i]), accumulated in float64. */
function loss(
  args: RnnSequenceArgs,
  dOutputs: Float32Array,
  dFinal: Float32Array[],
  backend: KernelsBackend,
) {
  const r = rnnSequenceForward(args, { training: false, backend });
  let sum = 0;
  for (let i = 0; i < dOutputs.length; i++) sum += r.outputs[i] * dOutputs[i];
  r.finalStates.forEach((s, k) => {
    for (let i = 0; i < s.length; i++) sum += s[i] * dFinal[k][i];
  });
  return sum;
}

type Param = 'x' | 'kernel' | 'recurrentKernel' | 'bias' | 'h0' | 'c0';

function paramArray(args: RnnSequenceArgs, p: Param): Float32Array | null {
  if (p === 'h0') return args.initialStates[0];
  if (p === 'c0') return args.initialStates[1] ?? null;
  return args[p];
}

const scenarios: [string, RandomCaseOptions][] = [
  [
    'simpleRnn with dropout and initial state',
    {
      cell: 'simpleRnn',
      batch: 3,
      time: 4,
      features: 3,
      units: 5,
      inputDropout: true,
      recurrentDropout: true,
      initialStates: true,
    },
  ],
  [
    'lstm with dropout, mask, initial states',
    {
      cell: 'lstm',
      batch: 3,
      time: 5,
      features: 2,
      units: 3,
      inputDropout: true,
      recurrentDropout: true,
      mask: true,
      initialStates: true,
    },
  ],
  [
    'lstm goBackwards, no bias',
    {
      cell: 'lstm',
      batch: 2,
      time: 4,
      features: 3,
      units: 5,
      bias: false,
      goBackwards: true,
      initialStates: true,
      recurrentDropout: true,
    },
  ],
  [
    'gru resetAfter with dropout, mask',
    {
      cell: 'gru',
      batch: 3,
      time: 5,
      features: 2,
      units: 3,
      resetAfter: true,
      inputDropout: true,
      recurrentDropout: true,
      mask: true,
      initialStates: true,
    },
  ],
  [
    'gru resetBefore with dropout, mask, goBackwards',
    {
      cell: 'gru',
      batch: 3,
      time: 5,
      features: 2,
      units: 5,
      resetAfter: false,
      inputDropout: true,
      recurrentDropout: true,
      mask: true,
      initialStates: true,
      goBackwards: true,
    },
  ],
  [
    'gru resetAfter without bias, sigmoid activation',
    {
      cell: 'gru',
      batch: 2,
      time: 3,
      features: 4,
      units: 2,
      resetAfter: true,
      bias: false,
      activation: 'sigmoid',
      initialStates: true,
    },
  ],
];

describe.each(backends)('gradients vs central finite differences on %s', (backend) => {
  it.each(scenarios)('%s', (_, options) => {
    const args = randomArgs(options);
    const { dOutputs, dFinal } = randomUpstream(args);
    const fwd = rnnSequenceForward(args, { backend });
    const grads = rnnSequenceBackward(args, fwd, dOutputs, dFinal, { backend });
    const analytic: Record<Param, Float32Array | null> = {
      x: grads.dx,
      kernel: grads.dKernel,
      recurrentKernel: grads.dRecurrentKernel,
      bias: grads.dBias,
      h0: grads.dInitialStates[0],
      c0: grads.dInitialStates[1] ?? null,
    };
    const rand = seededRandom(3);
    const eps = 1e-2;
    for (const p of Object.keys(analytic) as Param[]) {
      const values = paramArray(args, p);
      if (values === null) {
        expect(analytic[p], p).toBeNull();
        continue;
      }
      for (let probe = 0; probe < 8; probe++) {
        const i = Math.floor(rand() * values.length);
        const keep = values[i];
        values[i] = keep + eps;
        const up = loss(args, dOutputs, dFinal, backend);
        values[i] = keep - eps;
        const down = loss(args, dOutputs, dFinal, backend);
        values[i] = keep;
        const numeric = (up - down) / (2 * eps);
        const got = analytic[p]![i];
        expect(Math.abs(got - numeric), `${p}[${i}]: analytic ${got}, numeric ${numeric}`).toBeLessThan(
          3e-3 + 2e-2 * Math.abs(numeric),
        );
      }
    }
  });
});
