/** Options of {@link syntheticReviews}. */
export interface SyntheticReviewsOptions {
  /** Reviews per split. */
  samples: number;
  /** Largest word index + 1. */
  numWords: number;
  /** Words per review, before the start mark. */
  length: number;
  /** @defaultValue 7 */
  seed?: number;
}

/** Word-index sequences and 0/1 labels, like `loadImdb`'s splits. */
export interface ReviewSplit {
  sequences: number[][];
  labels: Int32Array;
}

/**
 * A seeded stand-in for `loadImdb`'s output that `--quick` runs use, so a smoke test needs neither the
 * 28 MB archive nor the half minute it takes to tokenize: start mark 1, then random words of which a
 * few "sentiment" words (3–12 positive, 13–22 negative) give the label away, so a model can learn it.
 *
 * @param options - sizes and seed.
 * @returns `{ sequences, labels }`, half of each label.
 * @example
 * syntheticReviews({ samples: 2, numWords: 100, length: 4 }).sequences[0].length; // → 5
 */
export function syntheticReviews(options: SyntheticReviewsOptions): ReviewSplit {
  const { samples, numWords, length, seed = 7 } = options;
  let state = seed >>> 0 || 1;
  // xorshift32: tiny, seeded, good enough for toy data.
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const labels = new Int32Array(samples);
  const sequences = Array.from({ length: samples }, (_, i) => {
    labels[i] = i % 2;
    const cue = labels[i] === 1 ? 3 : 13;
    return [
      1,
      ...Array.from({ length }, () =>
        next() < 0.2 ? cue + Math.floor(next() * 10) : 23 + Math.floor(next() * (numWords - 23)),
      ),
    ];
  });
  return { sequences, labels };
}
