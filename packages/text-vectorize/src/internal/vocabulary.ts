import { hashRange } from './string-hash';

/**
 * An interning string table: word ⇄ dense id (0, 1, 2… in insertion order). It looks words up by a
 * range of a larger text (hash computed while scanning), so the hot loops never allocate a substring
 * for a word they have already seen. Map<string, …> would need that substring first.
 */
export class Vocabulary {
  /** Words by id, in insertion order. */
  readonly words: string[] = [];
  private hashes = new Int32Array(1024);
  private table = new Int32Array(2048); // id + 1; 0 = empty slot
  private mask = 2047;

  get size(): number {
    return this.words.length;
  }

  /** Id of `s[start:end)` (whose hash is `hash`), or -1. */
  findRange(s: string, start: number, end: number, hash: number): number {
    const { table, mask, hashes, words } = this;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot];
      if (entry === 0) return -1;
      const id = entry - 1;
      if (hashes[id] === hash) {
        const word = words[id];
        if (word.length === length && s.startsWith(word, start)) return id;
      }
    }
  }

  /** Id of `s[start:end)`, inserting it if new. */
  addRange(s: string, start: number, end: number, hash: number): number {
    const found = this.findRange(s, start, end, hash);
    if (found >= 0) return found;
    return this.insert(detach(s.slice(start, end)), hash);
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
    if (id === this.hashes.length) {
      const grown = new Int32Array(id * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.words.push(word);
    this.hashes[id] = hash;
    if ((id + 1) * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(id, hash);
    return id;
  }

  private place(id: number, hash: number): void {
    const { table, mask } = this;
    let slot = hash & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = id + 1;
  }

  private rehash(capacity: number): void {
    this.table = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let id = 0; id < this.words.length; id++) this.place(id, this.hashes[id]);
  }
}

/**
 * A copy of a substring that does not keep its (possibly huge) parent text alive: V8 represents long
 * slices as views into the parent, and the vocabulary outlives the texts it was built from.
 */
function detach(word: string): string {
  return word.length < 13 ? word : ` ${word}`.slice(1);
}
