/**
 * SHA-256 of bytes as lowercase hex, through WebCrypto (`globalThis.crypto.subtle`: browsers, Node ≥ 19,
 * workers), so the same integrity check runs everywhere.
 *
 * @example
 * await sha256Hex(new Uint8Array()) // → 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new Error(
      'sha256Hex: globalThis.crypto.subtle must exist. Received: undefined. To fix this, run on Node ≥ 19 or in a secure (https or localhost) browser context.',
    );
  }
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
