import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { sampleFile } from '@tensorseq/test-utils/data';
import { afterAll } from 'vitest';

/** A real embeddings file shipped in the repository's `data/embeddings/` (see data/DATA.md). */
export const dataFile = (name: string) => sampleFile(`embeddings/${name}`);

/** Reads a data file's bytes. */
export const readData = (path: string): Buffer => readFileSync(path);

/** A fresh temp directory, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tensorseq-emb-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `content` to a new temp file and returns its path. */
export function tempFile(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** An independent oracle for text files: split lines the naive way, Number() every component. */
export function naiveText(path: string, header: boolean): { words: string[]; rows: Float32Array[] } {
  const lines = readData(path)
    .toString('latin1')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const body = header ? lines.slice(1) : lines;
  const words: string[] = [];
  const rows: Float32Array[] = [];
  for (const line of body) {
    const parts = line.trimEnd().split(' ');
    words.push(Buffer.from(parts[0], 'latin1').toString('utf8'));
    rows.push(Float32Array.from(parts.slice(1).map(Number)));
  }
  return { words, rows };
}

/** An independent oracle for binary files: DataView over the whole file. */
export function naiveBinary(path: string): {
  count: number;
  dim: number;
  words: string[];
  rows: Float32Array[];
} {
  const bytes = readData(path);
  const headerEnd = bytes.indexOf(10);
  const [count, dim] = bytes.subarray(0, headerEnd).toString('latin1').trim().split(/\s+/).map(Number);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const words: string[] = [];
  const rows: Float32Array[] = [];
  let pos = headerEnd + 1;
  for (let i = 0; i < count; i++) {
    const space = bytes.indexOf(32, pos);
    words.push(bytes.subarray(pos, space).toString('utf8').replace(/^\n+/, ''));
    const row = new Float32Array(dim);
    for (let k = 0; k < dim; k++) row[k] = view.getFloat32(space + 1 + 4 * k, true);
    rows.push(row);
    pos = space + 1 + 4 * dim;
  }
  return { count, dim, words, rows };
}

/** Yields `bytes` in chunks of `size` bytes, as a stream would. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/**
 * Index of the first element where `a` and `b` differ bit for bit (-1 when identical, or the shorter
 * length when only the lengths differ). Far faster than a deep `toEqual` on large arrays.
 */
export function firstBitDifference(a: Float32Array, b: Float32Array): number {
  const ua = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const ub = new Uint32Array(b.buffer, b.byteOffset, b.length);
  const n = Math.min(ua.length, ub.length);
  for (let i = 0; i < n; i++) if (ua[i] !== ub[i]) return i;
  return ua.length === ub.length ? -1 : n;
}

/** The oracle's rows as one row-major matrix. */
export function stack(rows: Float32Array[], dim: number): Float32Array {
  const out = new Float32Array(rows.length * dim);
  for (const [i, row] of rows.entries()) out.set(row, i * dim);
  return out;
}

/** A minimal zip archive (deflated members, no extras) written by hand, as `zip -9` would lay it out. */
export function zipArchive(members: { name: string; content: Uint8Array }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, content } of members) {
    const nameBytes = Buffer.from(name);
    const data = deflateRawSync(content);
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
