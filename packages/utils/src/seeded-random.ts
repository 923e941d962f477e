/**
 * One step of mulberry32: advances a 32-bit state and returns `[nextState, output]`, both unsigned
 * 32-bit integers. The building block of {@link seededRandom} and of layers-core's `SeedStream`.
 *
 * @example
 * const [state, out] = mulberry32(42); // → [1831565855, 2581720956]
 */
export function mulberry32(state: number): [state: number, output: number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [next, (t ^ (t >>> 14)) >>> 0];
}

/**
 * A small seeded PRNG (mulberry32): a function returning uniform floats in [0, 1). Without a seed it
 * starts from `Math.random()`, like NumPy's unseeded generator.
 *
 * @example
 * const rand = seededRandom(42); rand() // → 0.6011037519201636
 */
export function seededRandom(seed?: number): () => number {
  let state = (seed ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;
  return () => {
    const [next, out] = mulberry32(state);
    state = next;
    return out / 4294967296;
  };
}
