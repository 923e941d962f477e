import { Dense, Embedding, Flatten, Sequential } from '@tensorseq/layers-core';

/** Options of {@link buildModel}. */
export interface BuildModelOptions {
  /** Vocabulary size: the Embedding's `inputDim` (the Tokenizer's `numWords`). */
  numWords: number;
  /** Vector size: the Embedding's `outputDim` (the GloVe dimension). */
  embeddingDim: number;
  /** Words per review: the Embedding's `inputLength` (needed by Flatten). */
  maxlen: number;
  /**
   * `[numWords, embeddingDim]` pretrained vectors: loaded into the Embedding, which is then frozen
   * (listings 6.11–6.12). Without it the Embedding learns from scratch (listing 6.15).
   */
  embeddingMatrix?: { data: Float32Array; shape: number[] };
}

/**
 * Builds and compiles the section's model (listing 6.11): `Embedding(numWords, embeddingDim,
 * inputLength=maxlen)`, `Flatten`, `Dense(32, relu)`, `Dense(1, sigmoid)`; rmsprop, binary
 * cross-entropy, accuracy (listing 6.13).
 *
 * @param options - sizes, and the pretrained matrix if any.
 * @returns a compiled model, ready for `fit`.
 * @example
 * const model = buildModel({ numWords: 10000, embeddingDim: 100, maxlen: 100 });
 * model.countParams(); // → 1,320,065 (1,000,000 + 320,032 + 33)
 */
export function buildModel(options: BuildModelOptions): Sequential {
  const { numWords, embeddingDim, maxlen, embeddingMatrix } = options;
  const embedding = new Embedding({
    inputDim: numWords,
    outputDim: embeddingDim,
    inputLength: maxlen,
    trainable: embeddingMatrix === undefined,
  });
  const model = new Sequential({
    layers: [
      embedding,
      new Flatten(),
      new Dense({ units: 32, activation: 'relu' }),
      new Dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  // The model is built as soon as its first layer knows the input shape, so the weights exist here.
  if (embeddingMatrix) embedding.setWeights([embeddingMatrix]);
  model.compile({ optimizer: 'rmsprop', loss: 'binaryCrossentropy', metrics: ['acc'] });
  return model;
}
