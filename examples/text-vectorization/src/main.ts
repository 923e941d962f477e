/**
 * Deep Learning with Python, section 6.1 (working with text data), listing by listing.
 * Run: pnpm exp text-vectorization [6.1|6.2|6.3|6.4|ngrams]
 */
import { bagsOfNgrams } from './bag-of-ngrams';
import { listing61 } from './listing-6-1';
import { listing62 } from './listing-6-2';
import { listing63 } from './listing-6-3';
import { listing64 } from './listing-6-4';

const experiments: Record<string, { title: string; run: () => string[] }> = {
  '6.1': { title: 'Listing 6.1 — word-level one-hot encoding (toy example)', run: listing61 },
  '6.2': { title: 'Listing 6.2 — character-level one-hot encoding (toy example)', run: listing62 },
  '6.3': { title: 'Listing 6.3 — using Keras for word-level one-hot encoding (Tokenizer)', run: listing63 },
  '6.4': { title: 'Listing 6.4 — word-level one-hot encoding with the hashing trick', run: listing64 },
  ngrams: { title: 'Bags of 2-grams and 3-grams of "The cat sat on the mat."', run: bagsOfNgrams },
};

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!(name in experiments)) {
    console.error(
      `text-vectorization: experiment must be one of ${Object.keys(experiments).join(', ')}. Received: experiment=${name}.`,
    );
    process.exit(2);
  }
}
for (const name of wanted.length > 0 ? wanted : Object.keys(experiments)) {
  const { title, run } = experiments[name];
  console.log(`\n## ${title}\n`);
  for (const line of run()) console.log(line);
}
