import { assertInRange } from '@tensorseq/utils';
import { HostOptimizer } from './optimizer';

/** Options of {@link SGD} (Keras defaults). */
export interface SgdOptions {
  /** @defaultValue 0.01 */
  learningRate?: number;
  /** @defaultValue 0 */
  momentum?: number;
  /** @defaultValue false */
  nesterov?: boolean;
}

/**
 * Keras' SGD with momentum: `v ← μv − lr·g`, `p ← p + v` (Nesterov: `p ← p + μv − lr·g`).
 *
 * @example
 * model.compile({ optimizer: new SGD({ learningRate: 0.1, momentum: 0.9 }), loss: 'mse' });
 */
export class SGD extends HostOptimizer {
  readonly className = 'SGD';
  readonly learningRate: number;
  readonly momentum: number;
  readonly nesterov: boolean;

  constructor(options: SgdOptions = {}) {
    super();
    const { learningRate = 0.01, momentum = 0, nesterov = false } = options;
    assertInRange('SGD', 'learningRate', learningRate, { min: 0 });
    assertInRange('SGD', 'momentum', momentum, { min: 0 });
    this.learningRate = learningRate;
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  protected update(name: string, p: Float32Array, g: Float32Array, out: Float32Array): void {
    const { learningRate: lr, momentum: mu } = this;
    if (mu === 0) {
      for (let i = 0; i < p.length; i++) out[i] = p[i] - lr * g[i];
      return;
    }
    const v = this.slot(name, 'momentum', [p.length]);
    for (let i = 0; i < p.length; i++) {
      const vi = mu * v[i] - lr * g[i];
      v[i] = vi;
      out[i] = p[i] + (this.nesterov ? mu * vi - lr * g[i] : vi);
    }
  }

  getConfig(): Record<string, unknown> {
    return { learningRate: this.learningRate, momentum: this.momentum, nesterov: this.nesterov };
  }
}
