/**
 * A FIFO of byte chunks that hands out exact byte counts without copying the whole backlog: the streaming
 * parsers' input buffer.
 *
 * @example
 * const q = new ByteQueue(); q.push(new Uint8Array([1, 2, 3])); q.take(2) // → Uint8Array [1, 2]
 */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  /** Bytes queued. */
  length = 0;

  /** Appends a chunk. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** Removes and returns the first `n` bytes (a fresh copy); requires `n <= length`. */
  take(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[0];
      const count = Math.min(head.length, n - filled);
      out.set(count === head.length ? head : head.subarray(0, count), filled);
      filled += count;
      this.dropFromHead(count);
    }
    return out;
  }

  /** Removes up to `n` bytes; returns how many were removed. */
  skip(n: number): number {
    let skipped = 0;
    while (skipped < n && this.chunks.length > 0) {
      const count = Math.min(this.chunks[0].length, n - skipped);
      this.dropFromHead(count);
      skipped += count;
    }
    return skipped;
  }

  private dropFromHead(count: number): void {
    const head = this.chunks[0];
    if (count === head.length) this.chunks.shift();
    else this.chunks[0] = head.subarray(count);
    this.length -= count;
  }
}
