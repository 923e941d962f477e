// The PRNG lives once, in @tensorseq/utils.
export { seededRandom } from '@tensorseq/utils';
