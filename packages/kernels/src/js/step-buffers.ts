import type { RnnPlan } from '../rnn-plan';

/** The buffers one forward step reads and writes (offsets select the step's slots). */
export interface StepBuffers {
  plan: RnnPlan;
  gx: Float32Array;
  gxOff: number;
  gh: Float32Array;
  gates: Float32Array;
  gOff: number;
  hIn: Float32Array;
  aux: Float32Array;
  aux2: Float32Array;
  hOff: number;
}
