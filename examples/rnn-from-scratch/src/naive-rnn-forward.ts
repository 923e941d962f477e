/** The weights of listing 6.19's naive RNN: `output_t = tanh(W·input_t + U·state_t + b)`. */
export interface NaiveRnnWeights {
  /** `[outputFeatures, inputFeatures]`, row-major. */
  W: Float32Array;
  /** `[outputFeatures, outputFeatures]`, row-major. */
  U: Float32Array;
  /** `[outputFeatures]`. */
  b: Float32Array;
}

/**
 * Listing 6.19 in plain TypeScript: the forward pass of a simple RNN over one sequence, a loop over the
 * timesteps that keeps a state and feeds each output back as the next state.
 *
 * @param inputs - `[timesteps, inputFeatures]`, row-major.
 * @param timesteps - rows of `inputs`.
 * @param weights - `W`, `U`, `b`.
 * @returns the successive outputs, `[timesteps, outputFeatures]` row-major (the book's `np.stack(…, axis=0)`).
 * @throws RangeError when the sizes do not agree.
 * @example
 * naiveRnnForward(new Float32Array(100 * 32), 100, { W, U, b }).length; // → 100 * 64
 */
export function naiveRnnForward(
  inputs: Float32Array,
  timesteps: number,
  weights: NaiveRnnWeights,
): Float32Array {
  const { W, U, b } = weights;
  const outputFeatures = b.length;
  const inputFeatures = inputs.length / timesteps;
  if (!Number.isInteger(inputFeatures) || W.length !== outputFeatures * inputFeatures) {
    throw new RangeError(
      `naiveRnnForward: W must have ${outputFeatures} × ${inputFeatures} values. Received: W.length=${W.length}.`,
    );
  }
  if (U.length !== outputFeatures * outputFeatures) {
    throw new RangeError(
      `naiveRnnForward: U must have ${outputFeatures} × ${outputFeatures} values. Received: U.length=${U.length}.`,
    );
  }
  let state = new Float32Array(outputFeatures); // state_t = np.zeros((output_features,))
  const outputs = new Float32Array(timesteps * outputFeatures);
  for (let t = 0; t < timesteps; t++) {
    const input = inputs.subarray(t * inputFeatures, (t + 1) * inputFeatures);
    const output = new Float32Array(outputFeatures);
    for (let o = 0; o < outputFeatures; o++) {
      let sum = b[o];
      for (let i = 0; i < inputFeatures; i++) sum += W[o * inputFeatures + i] * input[i];
      for (let s = 0; s < outputFeatures; s++) sum += U[o * outputFeatures + s] * state[s];
      output[o] = Math.tanh(sum);
    }
    outputs.set(output, t * outputFeatures);
    state = output; // state_t = output_t
  }
  return outputs;
}
