/** The two Keras file containers. */
export type KerasContainer = 'hdf5' | 'zip';

const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Tells a Keras file's container from its first bytes (never from its name): HDF5's signature
 * (at offset 0, or after a user block of 512, 1024, 2048... bytes) or a zip local header `PK\x03\x04`.
 *
 * @example
 * detectContainer(new Uint8Array([0x50, 0x4b, 3, 4])) // → 'zip'
 */
export function detectContainer(bytes: Uint8Array): KerasContainer | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) {
    return 'zip';
  }
  for (let offset = 0; offset + 8 <= bytes.length; offset = offset === 0 ? 512 : offset * 2) {
    if (HDF5_SIGNATURE.every((b, i) => bytes[offset + i] === b)) return 'hdf5';
  }
  return null;
}
