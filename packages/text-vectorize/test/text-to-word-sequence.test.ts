import { describe, expect, it } from 'vitest';
import { textToWordSequence } from '../src/index';

describe('textToWordSequence', () => {
  it('lower-cases and strips punctuation like Keras', () => {
    expect(textToWordSequence('The cat sat on the mat.')).toEqual(['the', 'cat', 'sat', 'on', 'the', 'mat']);
  });
});
