import * as tf from '@tensorflow/tfjs-core';

let uniqueId = 0;

/**
 * A weight owned by a layer: a named `tf.Variable` plus the Keras-visible name (`dense/kernel`) and a
 * trainable flag. tfjs-core keeps one global registry of variable names, so the variable itself gets a
 * unique internal name while {@link LayerWeight.name} stays the Keras one.
 *
 * @example
 * const w = dense.weights[0]; // LayerWeight 'dense/kernel'
 * w.read().shape; // → [inputDim, units]
 */
export class LayerWeight {
  /** Keras-style name: `<layer name>/<weight name>`. */
  readonly name: string;
  readonly shape: number[];
  readonly variable: tf.Variable;
  private ownTrainable: boolean;
  private readonly layerTrainable: () => boolean;

  constructor(name: string, initialValue: tf.Tensor, trainable: boolean, layerTrainable: () => boolean) {
    this.name = name;
    this.shape = initialValue.shape.slice();
    this.ownTrainable = trainable;
    this.layerTrainable = layerTrainable;
    this.variable = tf.variable(initialValue, true, `${name}_${uniqueId++}`);
  }

  /** Trainable when both the weight and its layer are (Keras' rule, so freezing a layer freezes all). */
  get trainable(): boolean {
    return this.ownTrainable && this.layerTrainable();
  }

  set trainable(value: boolean) {
    this.ownTrainable = value;
  }

  /** The current value (the variable itself; do not dispose it). */
  read(): tf.Variable {
    return this.variable;
  }

  /** Overwrites the value; the shape must match. */
  write(value: tf.Tensor): void {
    if (!tf.util.arraysEqual(value.shape, this.shape)) {
      throw new RangeError(
        `${this.name}: value must have shape [${this.shape}]. Received: shape=[${value.shape}].`,
      );
    }
    this.variable.assign(value.dtype === this.variable.dtype ? value : tf.cast(value, this.variable.dtype));
  }

  dispose(): void {
    this.variable.dispose();
  }
}
