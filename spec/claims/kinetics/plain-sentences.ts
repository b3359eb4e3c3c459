// What of an evaluation is a plain sentence at run time rather than a finding (the type allows none; a cast could).
export { plainSentences } from '../controls/plain-sentences.ts';
