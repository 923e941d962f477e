/**
 * Lower-case hex of some bytes, for error messages that show undecodable input.
 *
 * @example
 * hex(new Uint8Array([0xc3, 0x28])) // → 'c328'
 */
export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
