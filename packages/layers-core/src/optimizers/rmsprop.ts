import { rmspropUpdateJs, type WeightUpdateKernelAttrs } from '@tensorseq/kernels';
import { assertInRange, assertOneOf } from '@tensorseq/utils';
import { HostOptimizer } from './optimizer';

/**
 * Where epsilon goes in the RMSprop update, by Keras version:
 * - `'keras2'` (default): Keras 2.1.3 – 2.x and tf.keras OptimizerV2, `p -= lr·g / (√a + 1e-7)`;
 * - `'keras2.0'`: Keras 2.0.x, the book's version, `p -= lr·g / (√a + 1e-8)`;
 * - `'keras3'`: Keras 3 and tfjs-core's RMSPropOptimizer, `p -= lr·g / √(a + 1e-7)`.
 */
export type RmspropVariant = 'keras2' | 'keras2.0' | 'keras3';

/** Options of {@link RMSprop}. */
export interface RmspropOptions {
  /** @defaultValue 0.001 */
  learningRate?: number;
  /** Decay of the squared-gradient average. @defaultValue 0.9 */
  rho?: number;
  /** @defaultValue 'keras2' */
  variant?: RmspropVariant;
  /** Overrides the variant's epsilon. */
  epsilon?: number;
}

const variants: Record<RmspropVariant, { epsilon: number; inside: boolean }> = {
  keras2: { epsilon: 1e-7, inside: false },
  'keras2.0': { epsilon: 1e-8, inside: false },
  keras3: { epsilon: 1e-7, inside: true },
};

/**
 * Keras' RMSprop: `a ← ρa + (1−ρ)g²`, then the update of the chosen {@link RmspropVariant}. The default,
 * `'keras2'` (epsilon 1e-7 outside the square root), is what Keras 2.1.3+ and tf.keras 2.x ran and what
 * the book's results were reproduced with; it differs from the book's Keras 2.0 only when gradients are
 * ~1e-7, and from Keras 3 / tfjs (epsilon inside) mostly for tiny or zero gradients.
 *
 * @example
 * model.compile({ optimizer: new RMSprop({ learningRate: 1e-4 }), loss: 'mae' });
 */
export class RMSprop extends HostOptimizer {
  readonly className = 'RMSprop';
  readonly learningRate: number;
  readonly rho: number;
  readonly variant: RmspropVariant;
  readonly epsilon: number;

  constructor(options: RmspropOptions = {}) {
    super();
    const { learningRate = 0.001, rho = 0.9, variant = 'keras2' } = options;
    assertInRange('RMSprop', 'learningRate', learningRate, { min: 0 });
    assertInRange('RMSprop', 'rho', rho, { min: 0, max: 1 });
    assertOneOf('RMSprop', 'variant', variant, Object.keys(variants) as RmspropVariant[]);
    this.learningRate = learningRate;
    this.rho = rho;
    this.variant = variant;
    this.epsilon = options.epsilon ?? variants[variant].epsilon;
    assertInRange('RMSprop', 'epsilon', this.epsilon, { min: 0 });
  }

  protected update(name: string, p: Float32Array, g: Float32Array, out: Float32Array): void {
    rmspropUpdateJs({ p, g, out, ...this.ruleArgs(name, p.length) });
  }

  /** The tensorseq backends run this rule in WebAssembly on the kernel threads: the same bits. */
  protected override nativeRule(weightName: string, size: number): WeightUpdateKernelAttrs['rule'] {
    return { name: 'rmsprop', ...this.ruleArgs(weightName, size) };
  }

  private ruleArgs(weightName: string, size: number) {
    return {
      a: this.slot(weightName, 'rms', [size]),
      learningRate: this.learningRate,
      rho: this.rho,
      epsilon: this.epsilon,
      epsilonInside: variants[this.variant].inside,
    };
  }

  getConfig(): Record<string, unknown> {
    return { learningRate: this.learningRate, rho: this.rho, variant: this.variant, epsilon: this.epsilon };
  }
}
