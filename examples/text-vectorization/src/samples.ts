/** The two samples of listings 6.1 to 6.4. */
export const SAMPLES = ['The cat sat on the mat.', 'The dog ate my homework.'];
