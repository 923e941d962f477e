export { DEFAULT_FILTERS, type TextToWordSequenceOptions, textToWordSequence } from './text-to-word-sequence';
