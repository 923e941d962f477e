import { assertInRange } from '@tensorseq/utils';
import { HostOptimizer } from './optimizer';

/** Options of {@link Adam} (Keras defaults). */
export interface AdamOptions {
  /** @defaultValue 0.001 */
  learningRate?: number;
  /** @defaultValue 0.9 */
  beta1?: number;
  /** @defaultValue 0.999 */
  beta2?: number;
  /** @defaultValue 1e-7 */
  epsilon?: number;
}

/**
 * Keras 2's Adam: `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`,
 * `p ← p − lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε)`.
 *
 * @example
 * model.compile({ optimizer: new Adam({ learningRate: 1e-3 }), loss: 'binaryCrossentropy' });
 */
export class Adam extends HostOptimizer {
  readonly className = 'Adam';
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;

  constructor(options: AdamOptions = {}) {
    super();
    const { learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7 } = options;
    assertInRange('Adam', 'learningRate', learningRate, { min: 0 });
    assertInRange('Adam', 'beta1', beta1, { min: 0, max: 1, maxInclusive: false });
    assertInRange('Adam', 'beta2', beta2, { min: 0, max: 1, maxInclusive: false });
    assertInRange('Adam', 'epsilon', epsilon, { min: 0 });
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  protected update(name: string, p: Float32Array, g: Float32Array, out: Float32Array): void {
    const m = this.slot(name, 'm', [p.length]);
    const v = this.slot(name, 'v', [p.length]);
    const { beta1: b1, beta2: b2, epsilon: eps } = this;
    const t = this.iterations;
    const lrT = (this.learningRate * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
    for (let i = 0; i < p.length; i++) {
      const gi = g[i];
      const mi = b1 * m[i] + (1 - b1) * gi;
      const vi = b2 * v[i] + (1 - b2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      out[i] = p[i] - (lrT * mi) / (Math.sqrt(vi) + eps);
    }
  }

  getConfig(): Record<string, unknown> {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
