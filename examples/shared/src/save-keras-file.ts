import { saveKerasModel } from '@tensorseq/keras-io/node';
import type { Sequential } from '@tensorseq/layers-core';

/**
 * `--save-keras <file>`: writes a trained model as a file Keras opens (`.h5`: tf.keras 2's legacy HDF5;
 * anything else: Keras 3's `.keras` zip), and says so in the log.
 *
 * @param model - the trained model.
 * @param file - the path from the command line.
 * @param log - where the confirmation line goes.
 * @example
 * await saveKerasFile(model, 'imdb_lstm.keras', console.log); // Saved the trained model for Keras: imdb_lstm.keras
 */
export async function saveKerasFile(
  model: Sequential,
  file: string,
  log: (line: string) => void,
): Promise<void> {
  await saveKerasModel(model, file, { format: file.endsWith('.h5') ? 'h5' : 'keras' });
  log(`Saved the trained model for Keras: ${file}`);
}
