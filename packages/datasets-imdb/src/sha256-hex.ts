/**
 * The sha256 of some bytes, as lower-case hex, with Web Crypto (browsers, Node ≥ 20).
 *
 * @example
 * await sha256Hex(new TextEncoder().encode('abc')) // → 'ba7816bf…'
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
