/**
 * Scalar activations by numeric code (see ACTIVATION_CODES) and their derivatives expressed through the
 * activation's OUTPUT, which is what the forward pass saves (all five are monotone, so the output
 * determines the derivative).
 */
export function activate(code: number, x: number): number {
  switch (code) {
    case 0:
      return Math.tanh(x);
    case 1:
      return Math.max(x, 0);
    case 2:
      return 1 / (1 + Math.exp(-x));
    case 3: {
      return Math.min(Math.max(0.2 * x + 0.5, 0), 1);
    }
    default:
      return x;
  }
}

/** d act(x) / dx given y = act(x). hardSigmoid's derivative is 0.2 strictly inside (0, 1), else 0. */
export function activationGrad(code: number, y: number): number {
  switch (code) {
    case 0:
      return 1 - y * y;
    case 1:
      return y > 0 ? 1 : 0;
    case 2:
      return y * (1 - y);
    case 3:
      return y > 0 && y < 1 ? 0.2 : 0;
    default:
      return 1;
  }
}
