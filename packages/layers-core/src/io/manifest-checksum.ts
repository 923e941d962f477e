import type { SavedModel } from './model-format';

/**
 * The sha256 of everything in `model.json` but this checksum itself (topology, compile options, the
 * weights manifest, optimizer iterations, and the weights file's own sha256), over its JSON text. A
 * parsed `model.json` serialises back to the same text, so the loader recomputes it to detect any edit.
 *
 * @example
 * saved.manifestSha256 === (await manifestSha256(saved)) // → true for an untouched file
 */
export async function manifestSha256(
  saved: Omit<SavedModel, 'manifestSha256'> | SavedModel,
): Promise<string> {
  const { createHash } = await import('node:crypto');
  const { manifestSha256: _omitted, ...rest } = saved as SavedModel;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}
