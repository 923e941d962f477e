import type { SavedModel } from './model-format';
import { sha256Hex } from './sha256-hex';

/**
 * The sha256 of everything in `model.json` but this checksum itself and the `weightsPath` locator a
 * download adds (topology, compile options, the weights manifest, optimizer iterations, and the weights'
 * own sha256), over its JSON text. A parsed `model.json` serialises back to the same text, so the loader
 * recomputes it to detect any edit. Uses WebCrypto, so every source (memory, URL, IndexedDB, directory)
 * gets the check.
 *
 * @example
 * saved.manifestSha256 === (await manifestSha256(saved)) // → true for an untouched file
 */
export async function manifestSha256(
  saved: Omit<SavedModel, 'manifestSha256'> | SavedModel,
): Promise<string> {
  const {
    manifestSha256: _omitted,
    weightsPath: _locator,
    ...rest
  } = saved as SavedModel & { weightsPath?: unknown };
  return sha256Hex(new TextEncoder().encode(JSON.stringify(rest)));
}
