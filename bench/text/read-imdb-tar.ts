/**
 * Reads the review texts out of an aclImdb tar.gz in one streaming pass (node:zlib + a minimal ustar /
 * pax reader), keeping only `<split>/{pos,neg}/*.txt` entries, so the archive is never held in memory.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

const BLOCK = 512;
const REVIEW = /^aclImdb\/(train|test)\/(pos|neg)\/[^/]+\.txt$/;

/** The labeled reviews of the archive, in archive order. */
export async function readImdbReviews(path: string): Promise<string[]> {
  const texts: string[] = [];
  const decoder = new TextDecoder();
  let pending: Buffer = Buffer.alloc(0);
  let paxPath: string | undefined;
  const stream = createReadStream(path).pipe(createGunzip());
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let offset = 0;
    for (;;) {
      if (pending.length - offset < BLOCK) break;
      const header = pending.subarray(offset, offset + BLOCK);
      if (header[0] === 0) {
        offset += BLOCK; // end-of-archive or padding block
        continue;
      }
      const size = Number.parseInt(header.toString('latin1', 124, 136).replace(/\0.*$/, '').trim() || '0', 8);
      const padded = Math.ceil(size / BLOCK) * BLOCK;
      if (pending.length - offset < BLOCK + padded) break;
      const body = pending.subarray(offset + BLOCK, offset + BLOCK + size);
      const type = String.fromCharCode(header[156]);
      if (type === 'x') {
        paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
      } else {
        const name = cString(header, 0, 100);
        const prefix = cString(header, 345, 500);
        const fullName = paxPath ?? (prefix ? `${prefix}/${name}` : name);
        paxPath = undefined;
        if ((type === '0' || type === '\0') && REVIEW.test(fullName)) texts.push(decoder.decode(body));
      }
      offset += BLOCK + padded;
    }
    pending = pending.subarray(offset);
  }
  return texts;
}

function cString(buf: Buffer, start: number, end: number): string {
  const nul = buf.indexOf(0, start);
  return buf.toString('utf8', start, nul >= 0 && nul < end ? nul : end);
}
