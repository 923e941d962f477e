/**
 * Parses Keras' `imdb_word_index.json`: word → frequency rank, 1 = most frequent. A `Map`, so that any
 * word (even `__proto__`) is a plain key.
 *
 * @param text - the file's text.
 * @param where - the source, as error messages name it.
 * @throws Error when the text is not a JSON object of positive integer ranks.
 * @example
 * parseWordIndex('{"the": 1, "and": 2}', 'imdb_word_index.json').get('and') // → 2
 */
export function parseWordIndex(text: string, where: string): Map<string, number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `getWordIndex: source must be a JSON file. Received: ${(error as Error).message} in ${where}.`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(
      `getWordIndex: source must hold a JSON object of word → rank. Received: ${typeof parsed} in ${where}.`,
    );
  }
  const index = new Map<string, number>();
  for (const [word, rank] of Object.entries(parsed)) {
    if (!Number.isInteger(rank) || (rank as number) < 1) {
      throw new Error(
        `getWordIndex: every rank must be a positive integer. Received: ${JSON.stringify(word)}=${JSON.stringify(rank)} in ${where}.`,
      );
    }
    index.set(word, rank as number);
  }
  return index;
}
