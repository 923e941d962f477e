import { finishHash, HASH_SEED, hashRange } from './string-hash';

/**
 * An interning string table: word ⇄ dense id (0, 1, 2… in insertion order). It looks words up by a
 * range of a larger text (hash computed while scanning), so the hot loops never allocate a substring
 * for a word they have already seen; a Map<string, …> would need that substring first. Open
 * addressing with the hash stored next to the id, so most probes touch a single cache line.
 */
export class Vocabulary {
  /** Words by id, in insertion order. */
  readonly words: string[] = [];
  private hashes: number[] = [];
  private table = new Int32Array(2 * 2048); // [hash, id + 1] pairs; id + 1 = 0 marks an empty slot
  private mask = 2047;

  get size(): number {
    return this.words.length;
  }

  /** Id of `s[start:end)` (whose hash is `hash`), or -1. */
  findRange(s: string, start: number, end: number, hash: number): number {
    const { table, mask, words } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = table[2 * slot + 1];
      if (entry === 0) return -1;
      if (table[2 * slot] === hash) {
        const word = words[entry - 1];
        if (word.length === end - start && sameChars(word, s, start)) return entry - 1;
      }
    }
  }

  /** Id of `s[start:end)`, inserting it if new. */
  addRange(s: string, start: number, end: number, hash: number): number {
    const found = this.findRange(s, start, end, hash);
    if (found >= 0) return found;
    return this.insert(detach(s.slice(start, end)), hash);
  }

  /**
   * Id of `word`, a string of its own (not a slice of a larger text, so it is stored as is), inserting
   * it if new: for words that a counting run already copied out of their texts.
   */
  addWord(word: string, hash: number): number {
    const found = this.findRange(word, 0, word.length, hash);
    return found >= 0 ? found : this.insert(word, hash);
  }

  /** Makes room for `size` words, so that adding a counted run rehashes at most once. */
  reserve(size: number): void {
    let capacity = this.mask + 1;
    while (size * 2 > capacity) capacity *= 2;
    if (capacity > this.mask + 1) this.rehash(capacity);
  }

  /**
   * The fused hot loop of `Tokenizer.textsToSequences`: splits `s` (already lower-cased) at the code
   * units marked in `separators` and maps each word to `index[id]` when known and below `limit`,
   * else to `oov` (dropped when `oov` is -1), without a call per word.
   *
   * @returns The indices, in order.
   */
  encodeWords(
    s: string,
    separators: Uint8Array,
    index: ArrayLike<number>,
    limit: number,
    oov: number,
  ): number[] {
    const out: number[] = [];
    const n = s.length;
    let start = 0;
    let h = HASH_SEED;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? s.charCodeAt(i) : -1;
      if (c >= 0 && separators[c] === 0) {
        h = ((h << 5) | (h >>> 27)) ^ c;
        continue;
      }
      if (i > start) {
        const id = this.findRange(s, start, i, finishHash(h, i - start));
        let value = id >= 0 ? index[id] : -1;
        if (value < 0 || value >= limit) value = oov;
        if (value >= 0) out.push(value);
      }
      start = i + 1;
      h = HASH_SEED;
    }
    return out;
  }

  /** Id of `word`, or -1. */
  find(word: string): number {
    return this.findRange(word, 0, word.length, hashRange(word, 0, word.length));
  }

  /** Id of `word`, inserting it if new. */
  add(word: string): number {
    return this.addRange(word, 0, word.length, hashRange(word, 0, word.length));
  }

  private insert(word: string, hash: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    // Keep the load factor at most 1/2: probe chains stay about one slot long.
    if ((id + 1) * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    else this.place(id, hash);
    return id;
  }

  private place(id: number, hash: number): void {
    const { table, mask } = this;
    let slot = hash & mask;
    while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    table[2 * slot] = hash;
    table[2 * slot + 1] = id + 1;
  }

  private rehash(capacity: number): void {
    this.table = new Int32Array(2 * capacity);
    this.mask = capacity - 1;
    for (let id = 0; id < this.words.length; id++) this.place(id, this.hashes[id]);
  }
}

/** Whether `word` occurs in `s` at `start`; a plain loop beats a startsWith call for short words. */
function sameChars(word: string, s: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) {
    if (word.charCodeAt(k) !== s.charCodeAt(start + k)) return false;
  }
  return true;
}

/**
 * A copy of a substring that does not keep its (possibly huge) parent text alive: V8 represents long
 * slices as views into the parent, and the vocabulary outlives the texts it was built from.
 */
function detach(word: string): string {
  return word.length < 13 ? word : ` ${word}`.slice(1);
}
